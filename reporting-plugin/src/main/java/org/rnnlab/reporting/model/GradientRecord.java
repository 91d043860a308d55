package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gradient statistics of one epoch: the global norm, each parameter's norm (sorted by name), and the
 * flow through time ({@code flow.get(k)} = norm of dLoss/dh at {@code k} steps before the last step).
 */
public record GradientRecord(int epoch, double globalNorm, Map<String, Double> parameterNorms, List<Double> flow) {
    public GradientRecord {
        parameterNorms = Collections.unmodifiableSortedMap(new TreeMap<>(parameterNorms));
        flow = List.copyOf(flow);
    }
}
