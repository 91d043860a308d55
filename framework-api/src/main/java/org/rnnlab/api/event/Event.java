package org.rnnlab.api.event;

/**
 * What happens during an experiment, as values published on the {@link EventBus}. Reporters subscribe
 * and turn them into files, progress bars and meters. Metric names are dotted lowercase
 * ({@code train.loss}, {@code val.accuracy}, {@code grad.norm.global}).
 */
public sealed interface Event permits ExperimentStarted, ExperimentCompleted, ClaimChecked, RunEvent {

    /** The experiment's name. */
    String experiment();
}
