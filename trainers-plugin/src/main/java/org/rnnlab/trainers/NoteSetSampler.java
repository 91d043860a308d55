package org.rnnlab.trainers;

import java.util.random.RandomGenerator;

/**
 * Samples a piano roll one step at a time from a model of the next step's keys: the model reads a zero
 * frame first (as in training), then each sampled frame in turn. At each step every key is drawn on its
 * own, on with probability {@code sigmoid(logit / temperature)}: temperature 1 samples the model's
 * distribution, lower values make likely keys likelier, and 0 keeps exactly the keys above probability 0.5.
 */
final class NoteSetSampler {
    private NoteSetSampler() {}

    /** One step of a model that keeps its own state: the logits of the next frame's keys after reading {@code frame}. */
    @FunctionalInterface
    interface NextStep {
        float[] logits(float[] frame);
    }

    /**
     * {@code steps} frames of {@code keys} values, each 0 or 1.
     *
     * @param temperature at least 0
     * @param random      draws one double per key and step, so the same seed gives the same roll
     */
    static float[][] sample(NextStep model, int keys, int steps, double temperature, RandomGenerator random) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number of at least 0, got " + temperature);
        }
        float[][] roll = new float[steps][];
        float[] frame = new float[keys];
        for (int t = 0; t < steps; t++) {
            float[] logits = model.logits(frame);
            if (logits.length != keys) {
                throw new IllegalArgumentException("the model gave " + logits.length + " logits for " + keys + " keys");
            }
            frame = new float[keys];
            for (int k = 0; k < keys; k++) {
                double u = random.nextDouble();
                boolean on = temperature == 0 ? logits[k] > 0 : u < 1 / (1 + Math.exp(-logits[k] / temperature));
                frame[k] = on ? 1f : 0f;
            }
            roll[t] = frame;
        }
        return roll;
    }
}
