package org.rnnlab.api.data;

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

    /**
     * Throws {@link org.rnnlab.api.ConfigException} for every option key not in {@link #optionKeys()}; does
     * nothing if the component declares no keys (see {@link Component#optionKeys()}).
     */
    default void checkOptions(Settings options) {
        if (optionKeys().isEmpty()) {
            return;
        }
        OptionKeys.requireKnown("tokenizer", id(), options, optionKeys());
    }
}
