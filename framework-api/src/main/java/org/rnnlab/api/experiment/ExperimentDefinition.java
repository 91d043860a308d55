package org.rnnlab.api.experiment;

import org.rnnlab.api.Component;

/**
 * An experiment defined in code and contributed by a plugin; its {@link #id()} is the name given to
 * {@code lab run}. Every definition must build the same {@link Experiment} each time it is asked.
 *
 * @since 0.1
 */
public interface ExperimentDefinition extends Component {

    /** The experiment: its grid, defaults and the lesson a reader should look for. Never null. */
    Experiment experiment();
}
