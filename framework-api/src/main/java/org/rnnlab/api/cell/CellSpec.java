package org.rnnlab.api.cell;

import java.util.Map;

/**
 * Sizes and options of one cell (one layer): {@code options} are the cell's own settings, such as
 * {@code activation=relu} or {@code resetAfter=false}, as strings.
 */
public record CellSpec(int inputSize, int hiddenSize, Map<String, String> options) {
    public CellSpec {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException("cell sizes must be positive: input " + inputSize + ", hidden " + hiddenSize);
        }
        options = Map.copyOf(options);
    }

    public CellSpec(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Map.of());
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
