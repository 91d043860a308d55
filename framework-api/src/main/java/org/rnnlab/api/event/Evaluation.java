package org.rnnlab.api.event;

import java.util.List;

/**
 * A classifier's confusion matrix on a split after an epoch: {@code counts[actual][predicted]} over
 * {@code labels}.
 */
public record Evaluation(String experiment, String variant, int epoch, String split, List<String> labels,
                         long[][] counts) implements RunEvent {
    public Evaluation {
        labels = List.copyOf(labels);
        long[][] c = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = counts[i].clone();
        }
        counts = c;
    }
}
