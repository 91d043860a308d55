package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rnnlab.api.event.ClaimChecked;

/**
 * Everything a report shows about one experiment run: its name, the lesson text, the provenance
 * (versions, JVM, OS, kernels, data hashes), its variants sorted by name, and the verdicts of its claims. {@code wallMillis} is -1
 * while the experiment has not completed.
 */
public record ExperimentRecord(String name, String description, Map<String, String> provenance,
                               List<VariantRecord> variants, long wallMillis, List<ClaimChecked> claims) {
    public ExperimentRecord {
        provenance = Collections.unmodifiableSortedMap(new TreeMap<>(provenance));
        variants = List.copyOf(variants);
        claims = List.copyOf(claims);
    }

    /** A record without claims. */
    public ExperimentRecord(String name, String description, Map<String, String> provenance,
                            List<VariantRecord> variants, long wallMillis) {
        this(name, description, provenance, variants, wallMillis, List.of());
    }

    public Optional<VariantRecord> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Every metric name the variants report, final or per epoch, sorted: what tells a loss's kind. */
    public java.util.Set<String> metricNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        variants.forEach(v -> {
            names.addAll(v.finalMetrics().keySet());
            v.epochs().forEach(e -> names.addAll(e.metrics().keySet()));
        });
        return names;
    }

    /** This experiment reduced to one variant, for that variant's own page. */
    public ExperimentRecord only(VariantRecord variant) {
        return new ExperimentRecord(name, description, provenance, List.of(variant), wallMillis, claims);
    }
}
