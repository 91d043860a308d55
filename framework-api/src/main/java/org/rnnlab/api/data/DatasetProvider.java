package org.rnnlab.api.data;

import org.rnnlab.api.Component;
import org.rnnlab.api.experiment.Settings;

/**
 * Loads one named dataset (a component of kind {@code dataset}, e.g. {@code sentiment}, {@code csv}).
 *
 * <p>Every provider must be deterministic: the same options and seed give an equal {@link Dataset}, and
 * it never returns a silently shorter dataset: a file it cannot read completely is an error whose
 * message names the file and the line (or byte) and says what is wrong. Errors a user can cause are
 * {@link org.rnnlab.api.RnnlabException}s (a bad setting: {@link org.rnnlab.api.ConfigException}).
 *
 * @since 0.1
 */
public interface DatasetProvider extends Component {

    /**
     * Loads the dataset.
     *
     * @param options the settings under {@code dataset.} with that prefix removed ({@code path},
     *                {@code length}, ...), never null; a key not in {@link #settings()} is refused
     * @param seed    fixes the splits and any generated data
     * @return the dataset, never null
     */
    Dataset load(Settings options, long seed);

    /**
     * {@code options} if {@link #settings()} accepts them, else a {@link org.rnnlab.api.ConfigException}
     * listing every problem (unknown key, bad value, required key missing) with the names the user typed
     * ({@code dataset.KEY}). The runtime has checked a run's settings before any training; this protects
     * direct callers.
     */
    default Settings checkOptions(Settings options) {
        return settings().require(options, "dataset", "dataset '" + id() + "'");
    }
}
