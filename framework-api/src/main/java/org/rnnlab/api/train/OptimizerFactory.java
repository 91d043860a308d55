package org.rnnlab.api.train;

import org.rnnlab.api.Component;
import org.rnnlab.api.experiment.Settings;

/** Makes optimisers of one kind ({@code sgd}, {@code adam}, ...) from the {@code optimizer.*} settings. */
public interface OptimizerFactory extends Component {

    /** A new optimiser; {@code settings} are those under {@code optimizer.} (e.g. {@code beta1}). Never null. */
    Optimizer create(Settings settings);
}
