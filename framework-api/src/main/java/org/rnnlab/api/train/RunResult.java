package org.rnnlab.api.train;

import java.util.Map;
import org.rnnlab.api.event.RunStatus;

/** How a run ended, with its final and best metrics. */
public record RunResult(RunStatus status, Map<String, Double> finalMetrics, Map<String, Double> bestMetrics) {
    public RunResult {
        finalMetrics = Map.copyOf(finalMetrics);
        bestMetrics = Map.copyOf(bestMetrics);
    }
}
