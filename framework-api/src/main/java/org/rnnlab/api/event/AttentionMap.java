package org.rnnlab.api.event;

import java.util.Arrays;
import java.util.List;

/**
 * Where a model looked while producing one output: {@code weights[t][s]} is the share of attention output
 * token {@code t} gave source token {@code s}. One row per output token (the end token included when the
 * model emitted it), one column per source token; each row sums to 1.
 *
 * @param source  the source tokens, as the source tokenizer split the text
 * @param output  the output tokens the model produced
 * @param weights {@code output.size()} rows of {@code source.size()} weights
 * @since 0.2
 */
public record AttentionMap(List<String> source, List<String> output, double[][] weights) {
    public AttentionMap {
        source = List.copyOf(source);
        output = List.copyOf(output);
        if (weights.length != output.size()) {
            throw new IllegalArgumentException(weights.length + " rows of weights for " + output.size() + " output tokens");
        }
        double[][] w = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != source.size()) {
                throw new IllegalArgumentException("row " + t + " has " + weights[t].length + " weights for "
                        + source.size() + " source tokens");
            }
            w[t] = weights[t].clone();
        }
        weights = w;
    }

    /** The weights, copied: the record keeps its own. */
    @Override
    public double[][] weights() {
        double[][] w = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            w[t] = weights[t].clone();
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionMap m && source.equals(m.source) && output.equals(m.output)
                && Arrays.deepEquals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + output.hashCode()) * 31 + Arrays.deepHashCode(weights);
    }

    @Override
    public String toString() {
        return "AttentionMap[source=" + source + ", output=" + output + ", weights=" + Arrays.deepToString(weights) + "]";
    }
}
