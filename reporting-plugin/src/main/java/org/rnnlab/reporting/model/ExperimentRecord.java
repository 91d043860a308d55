package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a report shows about one experiment run: its name, the lesson text, the provenance
 * (versions, JVM, OS, kernels, data hashes) and its variants sorted by name. {@code wallMillis} is -1
 * while the experiment has not completed.
 */
public record ExperimentRecord(String name, String description, Map<String, String> provenance,
                               List<VariantRecord> variants, long wallMillis) {
    public ExperimentRecord {
        provenance = Collections.unmodifiableSortedMap(new TreeMap<>(provenance));
        variants = List.copyOf(variants);
    }

    public Optional<VariantRecord> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** This experiment reduced to one variant, for that variant's own page. */
    public ExperimentRecord only(VariantRecord variant) {
        return new ExperimentRecord(name, description, provenance, List.of(variant), wallMillis);
    }
}
