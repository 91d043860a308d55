package org.rnnlab.api.event;

import java.util.List;
import java.util.Map;

/**
 * One claim of the experiment checked after its variants ended: the claim in words, where its figure
 * comes from, the verdict, the measured values (group or quantity to number, e.g. {@code lstm} to
 * its mean, {@code gap} and {@code spread} for a gap) and {@code detail}, the measurement in words.
 * {@code compared} names the groups an order or a gap claim compares and the measure it compares them on,
 * so that a report can set the groups' seeds side by side; {@link Compared#NONE} for a threshold, and in
 * logs written before event log version 4.
 */
public record ClaimChecked(String experiment, String claim, String source, ClaimVerdict verdict,
                           Map<String, Double> measured, String detail, Compared compared) implements Event {
    public ClaimChecked {
        measured = Map.copyOf(measured);
        compared = compared == null ? Compared.NONE : compared;
    }

    /** A verdict that compares no groups. */
    public ClaimChecked(String experiment, String claim, String source, ClaimVerdict verdict,
                        Map<String, Double> measured, String detail) {
        this(experiment, claim, source, verdict, measured, detail, Compared.NONE);
    }

    /** The verdict line {@code lab run} prints. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%-12s %s: %s (figure: %s)", verdict.name(), claim, detail, source);
    }

    /**
     * The groups a claim compares, the claimed best first (a tie's in the order it names them), on
     * {@code metric}: its best value over the epochs when {@code best}, else its value after the run. Each
     * neighbouring pair is one comparison.
     */
    public record Compared(String metric, boolean best, List<String> bestFirst) {
        /** Nothing compared. */
        public static final Compared NONE = new Compared("", false, List.of());

        public Compared {
            if (metric == null) {
                throw new NullPointerException("metric");
            }
            bestFirst = List.copyOf(bestFirst);
        }

        /** Whether the claim compares at least two groups. */
        public boolean any() {
            return !metric.isEmpty() && bestFirst.size() >= 2;
        }
    }
}
