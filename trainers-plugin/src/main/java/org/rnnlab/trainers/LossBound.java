package org.rnnlab.trainers;

import java.util.Locale;
import java.util.Optional;

/**
 * When a loss says a run has diverged, beyond NaN: a loss that is not finite on any split, or one above
 * {@code limit}. For a classifier or language model over {@code K} classes or tokens the limit is
 * {@link #DEFAULT_FACTOR} times {@code ln K}, the cross-entropy of a uniform guess: a model that does
 * ten times worse than knowing nothing has left training (an untrained model starts near {@code ln K}).
 * With fewer than two classes (or for a loss with no such reference) only a loss that is not finite counts.
 *
 * @param limit the largest finite loss that does not count as divergence
 * @param basis how the limit was reached, for the message
 */
record LossBound(double limit, String basis) {
    /** How many times the loss of a uniform guess a loss may reach before the run counts as diverged. */
    static final double DEFAULT_FACTOR = 10;

    /** The bound for cross-entropy over {@code classes} outcomes at {@code factor} times a uniform guess. */
    static LossBound uniformGuess(int classes, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the divergence factor must be a positive number but was " + factor);
        }
        if (classes < 2) {
            return finiteOnly();
        }
        double guess = Math.log(classes);
        return new LossBound(factor * guess, String.format(Locale.ROOT,
                "%s times %.4f, the loss of a uniform guess over %d classes", plain(factor), guess, classes));
    }

    /** Only a loss that is not finite counts as divergence. */
    static LossBound finiteOnly() {
        return new LossBound(Double.MAX_VALUE, "");
    }

    /** Why {@code loss} on {@code split} in {@code epoch} means divergence, or empty when it does not. */
    Optional<String> check(String split, int epoch, double loss) {
        if (!Double.isFinite(loss)) {
            return Optional.of(split + " loss became " + loss + " in epoch " + epoch);
        }
        if (loss > limit) {
            return Optional.of(String.format(Locale.ROOT, "%s loss %s in epoch %d is above %.4f (%s)",
                    split, plain(loss), epoch, limit, basis));
        }
        return Optional.empty();
    }

    /**
     * Why the losses among {@code metrics} (keys {@code <split>.loss}, e.g. {@code train.loss}, {@code val.loss})
     * mean divergence in {@code epoch}, or empty when none does.
     */
    Optional<String> exceededBy(java.util.Map<String, Double> metrics, int epoch) {
        for (var e : metrics.entrySet()) {
            if (e.getKey().endsWith(".loss")) {
                String split = e.getKey().substring(0, e.getKey().length() - ".loss".length());
                Optional<String> why = check(split, epoch, e.getValue());
                if (why.isPresent()) {
                    return why;
                }
            }
        }
        return Optional.empty();
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
