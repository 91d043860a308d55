package org.rnnlab.api.train;

/**
 * Trains one variant: takes the prepared data, the model, the optimiser and the settings the runtime's
 * pipeline made ({@link TrainingRun}), runs the epochs, publishes what happens on the run's event bus,
 * writes checkpoints and the final model through {@link TrainingRun#store()}, and returns the outcome.
 * It loads no data and builds no model. Contract: a trainer never throws for a diverging run (it returns
 * {@code DIVERGED}); any other error propagates with a message naming what and where, and the runner
 * reports it as {@code FAILED}.
 */
public interface Trainer {

    RunResult train(TrainingRun run) throws Exception;
}
