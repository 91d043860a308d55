package org.rnnlab.api.experiment;

import java.util.Map;
import java.util.Optional;

/**
 * What a user asks of an experiment on the command line: {@code --set} overrides, a number of seeds,
 * and whether to shrink it with {@code --quick}. An override of a varied axis with a comma-separated
 * list ({@code --set cell=lstm,gru}, or the plural {@code cells=}) replaces the axis' values.
 */
public record GridRequest(Map<String, String> overrides, Optional<Integer> seeds, boolean quick) {
    public static final GridRequest DEFAULT = new GridRequest(Map.of(), Optional.empty(), false);

    public GridRequest {
        overrides = Map.copyOf(overrides);
    }
}
