package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One epoch of a variant: its deterministic metrics and its timings, each sorted by name. */
public record EpochRecord(int epoch, Map<String, Double> metrics, Map<String, Double> timings) {
    public EpochRecord {
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        timings = Collections.unmodifiableSortedMap(new TreeMap<>(timings));
    }
}
