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
     * removed ({@code lowercase}, {@code window}, {@code max_size}, {@code min_count}), never null. A key
     * not in {@link #settings()} or a bad value is a {@link org.rnnlab.api.ConfigException}.
     */
    Tokenizer create(Settings options);

    /**
     * {@code options} if {@link #settings()} accepts them, else a {@link org.rnnlab.api.ConfigException}
     * listing every problem (unknown key, bad value, required key missing) with the names the user typed
     * ({@code tokenizer.KEY}). The runtime has checked a run's settings before any training; this protects
     * direct callers.
     */
    default Settings checkOptions(Settings options) {
        return settings().require(options, "tokenizer", "tokenizer '" + id() + "'");
    }
}
