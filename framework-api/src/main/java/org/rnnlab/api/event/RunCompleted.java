package org.rnnlab.api.event;

import java.util.Map;

/** The run ended with {@code status}; the final and best metric values. */
public record RunCompleted(String experiment, String variant, RunStatus status, Map<String, Double> finalMetrics,
                           Map<String, Double> bestMetrics, long wallMillis) implements RunEvent {
    public RunCompleted {
        finalMetrics = Map.copyOf(finalMetrics);
        bestMetrics = Map.copyOf(bestMetrics);
    }
}
