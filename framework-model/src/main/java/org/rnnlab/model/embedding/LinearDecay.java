package org.rnnlab.model.embedding;

/**
 * word2vec's learning rate: from {@code start} down linearly to zero over the whole training (all epochs),
 * never below {@code start * 1e-4}, as the reference C implementation does.
 */
public record LinearDecay(double start, long totalSteps) {
    public static final double FLOOR = 1e-4;

    public LinearDecay {
        if (!(start > 0) || totalSteps < 1) {
            throw new IllegalArgumentException("linear decay needs a positive rate and at least one step, got " + start
                    + " over " + totalSteps);
        }
    }

    /** The rate at step {@code step} (0 = the first). */
    public double rate(long step) {
        return start * Math.max(FLOOR, 1 - step / (double) totalSteps);
    }
}
