package org.rnnlab.experiments.lessons;

import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;

/** A built-in experiment: its definition is a fixed {@link Experiment}. */
record Lesson(Experiment experiment) implements ExperimentDefinition {

    @Override
    public String id() {
        return experiment.name();
    }

    @Override
    public String description() {
        return experiment.description();
    }
}
