package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Variant;

/**
 * What to run: an experiment's name and description, its variants, {@code --set} overrides applied on
 * top of every variant's settings, and hashes of the data it reads when they are known.
 */
public record ExperimentPlan(String name, String description, List<Variant> variants, Map<String, String> overrides,
                             Map<String, String> dataHashes) {
    public ExperimentPlan {
        variants = List.copyOf(variants);
        overrides = Map.copyOf(overrides);
        dataHashes = Map.copyOf(dataHashes);
    }

    public ExperimentPlan(String name, String description, List<Variant> variants) {
        this(name, description, variants, Map.of(), Map.of());
    }
}
