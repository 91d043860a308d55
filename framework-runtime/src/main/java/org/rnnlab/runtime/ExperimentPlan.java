package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.api.experiment.Variant;

/**
 * What to run: an experiment's name, description and lesson, its variants (already expanded, with the
 * user's overrides applied), what the user asked for on the command line (recorded in
 * {@code experiment.json}, e.g. {@code set.cell=lstm}, {@code seeds=3}, {@code quick=true}), hashes of
 * the data it reads when they are known, and the claims checked when the variants have ended.
 */
public record ExperimentPlan(String name, String description, String lesson, List<Variant> variants,
                             Map<String, String> request, Map<String, String> dataHashes, List<Claim> claims) {
    public ExperimentPlan {
        variants = List.copyOf(variants);
        request = Map.copyOf(request);
        dataHashes = Map.copyOf(dataHashes);
        claims = List.copyOf(claims);
    }

    /** A plan without claims. */
    public ExperimentPlan(String name, String description, String lesson, List<Variant> variants,
                          Map<String, String> request, Map<String, String> dataHashes) {
        this(name, description, lesson, variants, request, dataHashes, List.of());
    }

    public ExperimentPlan(String name, String description, List<Variant> variants) {
        this(name, description, "", variants, Map.of(), Map.of());
    }

    /** This plan with {@code checked} as its claims (a resumed run takes them from the experiment's definition). */
    public ExperimentPlan withClaims(List<Claim> checked) {
        return new ExperimentPlan(name, description, lesson, variants, request, dataHashes, checked);
    }
}
