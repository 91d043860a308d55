package org.rnnlab.api.train;

import org.rnnlab.api.Component;
import org.rnnlab.api.experiment.Settings;

/** Makes optimisers of one kind ({@code sgd}, {@code adam}, ...) from the {@code optimizer.*} settings. */
public interface OptimizerFactory extends Component {

    /**
     * A new optimiser; {@code settings} are those under {@code optimizer.} (e.g. {@code beta1}), the keys of
     * {@link #settings()}; an invalid one throws a {@code ConfigException}. Never null.
     */
    Optimizer create(Settings settings);

    /**
     * {@code options} if {@link #settings()} accepts them, else a {@link org.rnnlab.api.ConfigException}
     * listing every problem, naming keys as {@code optimizer.KEY}.
     */
    default Settings checkOptions(Settings options) {
        return settings().require(options, "optimizer", "optimizer '" + id() + "'");
    }
}
