package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * The variants that differ only in their seed. Means and spreads are taken over the members whose runs
 * trained to the end; diverged, failed and unfinished runs are {@link #excluded()}.
 */
public record SeedGroup(Map<String, String> settings, List<VariantRecord> members) {

    /** The groups of an experiment, in the order their first variant appears. */
    public static List<SeedGroup> of(ExperimentRecord experiment) {
        Map<Map<String, String>, List<VariantRecord>> groups = new LinkedHashMap<>();
        for (VariantRecord v : experiment.variants()) {
            groups.computeIfAbsent(v.settingsWithoutSeed(), k -> new ArrayList<>()).add(v);
        }
        return groups.entrySet().stream().map(e -> new SeedGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    public List<VariantRecord> included() {
        return members.stream().filter(v -> v.status().countsInMean()).toList();
    }

    public List<VariantRecord> excluded() {
        return members.stream().filter(v -> !v.status().countsInMean()).toList();
    }

    /** Mean of the included members' final value of {@code metric}, if any has one. */
    public OptionalDouble mean(String metric) {
        return values(metric).stream().mapToDouble(Double::doubleValue).average();
    }

    /** Sample standard deviation (n - 1) over the included members; empty with fewer than two values. */
    public OptionalDouble spread(String metric) {
        List<Double> values = values(metric);
        if (values.size() < 2) {
            return OptionalDouble.empty();
        }
        double mean = mean(metric).orElseThrow();
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return OptionalDouble.of(Math.sqrt(sum / (values.size() - 1)));
    }

    /** How many included members have a final value of {@code metric}. */
    public int count(String metric) {
        return values(metric).size();
    }

    private List<Double> values(String metric) {
        return included().stream().map(v -> v.finalMetrics().get(metric)).filter(x -> x != null && Double.isFinite(x)).toList();
    }
}
