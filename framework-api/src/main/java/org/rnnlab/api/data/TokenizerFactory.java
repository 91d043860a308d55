package org.rnnlab.api.data;

import java.util.Set;
import org.rnnlab.api.Component;
import org.rnnlab.api.experiment.Settings;

/**
 * Makes tokenizers of one kind (a component of kind {@code tokenizer}: {@code character}, {@code word},
 * {@code bag-of-words}, {@code fixed-window}).
 *
 * @since 0.1
 */
public interface TokenizerFactory extends Component {

    /**
     * A tokenizer configured by {@code options}: the settings under {@code tokenizer.} with that prefix
     * removed ({@code lowercase}, {@code window}, {@code maxSize}, {@code minCount}), never null. A key
     * not in {@link #optionKeys()} or a bad value is a {@link org.rnnlab.api.ConfigException}.
     */
    Tokenizer create(Settings options);

    /** The option keys (without the {@code tokenizer.} prefix) this factory accepts; empty if none. */
    default Set<String> optionKeys() {
        return Set.of();
    }

    /** Throws {@link org.rnnlab.api.ConfigException} for every option key not in {@link #optionKeys()}. */
    default void checkOptions(Settings options) {
        OptionKeys.requireKnown("tokenizer", id(), options, optionKeys());
    }
}
