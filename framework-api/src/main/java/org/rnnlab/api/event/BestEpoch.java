package org.rnnlab.api.event;

/**
 * The epoch a run counts as its best, the metric that chose it ({@code val.accuracy}, {@code val.loss};
 * {@code train.loss} when the run has no validation split) and that metric's value there. When
 * {@code restored} is true the run's test metrics and its saved model are those of this epoch, not of
 * the last one: the trainer put the best epoch's weights back before the test evaluation.
 * {@link #NONE} when no epoch completed.
 */
public record BestEpoch(int epoch, String metric, double value, boolean restored) {
    /** No epoch completed (a run that failed or diverged in its first epoch). */
    public static final BestEpoch NONE = new BestEpoch(0, "", Double.NaN, false);

    public BestEpoch {
        if (metric == null) {
            throw new NullPointerException("metric");
        }
    }

    /** Whether an epoch was chosen. */
    public boolean known() {
        return epoch > 0 && !metric.isEmpty();
    }

    /** "best epoch 4 by val.accuracy (weights restored)", or empty when no epoch was chosen. */
    public String describe() {
        if (!known()) {
            return "";
        }
        return "best epoch " + epoch + " by " + metric + (restored ? " (weights restored for test and model)" : "");
    }
}
