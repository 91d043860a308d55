package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Variant;

/**
 * What to run: an experiment's name, description and lesson, its variants (already expanded, with the
 * user's overrides applied), what the user asked for on the command line (recorded in
 * {@code experiment.json}, e.g. {@code set.cell=lstm}, {@code seeds=3}, {@code quick=true}) and hashes of
 * the data it reads when they are known.
 */
public record ExperimentPlan(String name, String description, String lesson, List<Variant> variants,
                             Map<String, String> request, Map<String, String> dataHashes) {
    public ExperimentPlan {
        variants = List.copyOf(variants);
        request = Map.copyOf(request);
        dataHashes = Map.copyOf(dataHashes);
    }

    public ExperimentPlan(String name, String description, List<Variant> variants) {
        this(name, description, "", variants, Map.of(), Map.of());
    }
}
