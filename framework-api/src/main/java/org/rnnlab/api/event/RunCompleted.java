package org.rnnlab.api.event;

import java.util.Map;

/**
 * The run ended with {@code status}; the final and best metric values, and which epoch was the best and
 * why ({@link BestEpoch}; with {@code best.restored()} the final test metrics are the best epoch's).
 */
public record RunCompleted(String experiment, String variant, RunStatus status, Map<String, Double> finalMetrics,
                           Map<String, Double> bestMetrics, long wallMillis, BestEpoch best) implements RunEvent {
    public RunCompleted {
        finalMetrics = Map.copyOf(finalMetrics);
        bestMetrics = Map.copyOf(bestMetrics);
        best = best == null ? BestEpoch.NONE : best;
    }

    /** A run that names no best epoch (written before rnnlab recorded it, or ended before one completed). */
    public RunCompleted(String experiment, String variant, RunStatus status, Map<String, Double> finalMetrics,
                        Map<String, Double> bestMetrics, long wallMillis) {
        this(experiment, variant, status, finalMetrics, bestMetrics, wallMillis, BestEpoch.NONE);
    }
}
