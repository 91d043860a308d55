package org.rnnlab.trainers;

/**
 * Frame-level precision, recall and F1 of multi-label predictions (the keys sounding at each time step of
 * a piano roll): over every output of every counted step, an output is predicted on when its probability
 * exceeds 0.5, i.e. its logit is above 0 (as {@code SequenceModel.evaluate} reports it). Counts add up over
 * batches, so a split's scores are those of all its steps together (micro-averaged), not a mean of
 * per-batch scores.
 *
 * @param truePositives  outputs predicted on that are on
 * @param falsePositives outputs predicted on that are off
 * @param falseNegatives outputs predicted off that are on
 * @param steps          counted (unpadded) time steps
 */
record FrameScores(long truePositives, long falsePositives, long falseNegatives, long steps) {
    static final FrameScores NONE = new FrameScores(0, 0, 0, 0);

    /** Scores of 0/1 predictions against 0/1 truths, one entry per output of {@code steps} counted steps. */
    static FrameScores ofBinary(int[] predicted, int[] actual, long steps) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(predicted.length + " predictions but " + actual.length + " truths");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            tp += predicted[i] == 1 && actual[i] == 1 ? 1 : 0;
            fp += predicted[i] == 1 && actual[i] == 0 ? 1 : 0;
            fn += predicted[i] == 0 && actual[i] == 1 ? 1 : 0;
        }
        return new FrameScores(tp, fp, fn, steps);
    }

    FrameScores plus(FrameScores other) {
        return new FrameScores(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, steps + other.steps);
    }

    /** TP / (TP + FP); 0 when nothing was predicted on (as scikit-learn's {@code zero_division=0}). */
    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN); 0 when nothing is on. */
    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; 0 when both are 0. */
    double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
