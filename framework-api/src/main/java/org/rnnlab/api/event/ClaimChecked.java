package org.rnnlab.api.event;

import java.util.Map;

/**
 * One claim of the experiment checked after its variants ended: the claim in words, where its figure
 * comes from, the verdict, the measured values (group or quantity to number, e.g. {@code lstm} to
 * its mean, {@code gap} and {@code spread} for a gap) and {@code detail}, the measurement in words.
 */
public record ClaimChecked(String experiment, String claim, String source, ClaimVerdict verdict,
                           Map<String, Double> measured, String detail) implements Event {
    public ClaimChecked {
        measured = Map.copyOf(measured);
    }

    /** The verdict line {@code lab run} prints. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%-12s %s: %s (figure: %s)", verdict.name(), claim, detail, source);
    }
}
