package org.rnnlab.api.train;

/**
 * Trains one variant from its settings: loads the dataset, fits the tokenizer, builds the model,
 * runs the epochs and publishes what happens on the context's event bus. Contract: a trainer never
 * throws for a diverging run (it returns {@code DIVERGED}); any other error propagates with a message
 * naming what and where, and the runner reports it as {@code FAILED}.
 */
public interface Trainer {

    RunResult train(RunContext context) throws Exception;
}
