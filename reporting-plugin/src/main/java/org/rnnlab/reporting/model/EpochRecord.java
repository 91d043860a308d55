package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One epoch of a variant: its deterministic metrics and its timings, each sorted by name, and the
 * learning rate of its last step (NaN when the log does not say).
 */
public record EpochRecord(int epoch, Map<String, Double> metrics, Map<String, Double> timings, double learningRate) {
    public EpochRecord {
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        timings = Collections.unmodifiableSortedMap(new TreeMap<>(timings));
    }

    /** An epoch whose learning rate is not known. */
    public EpochRecord(int epoch, Map<String, Double> metrics, Map<String, Double> timings) {
        this(epoch, metrics, timings, Double.NaN);
    }
}
