package org.rnnlab.reporting.model;

import java.util.List;

/** A confusion matrix after one epoch on one split: {@code counts.get(actual).get(predicted)} over {@code labels}. */
public record ConfusionRecord(int epoch, String split, List<String> labels, List<List<Long>> counts) {
    public ConfusionRecord {
        labels = List.copyOf(labels);
        counts = counts.stream().map(List::copyOf).toList();
        for (List<Long> row : counts) {
            if (row.size() != labels.size()) {
                throw new IllegalArgumentException("confusion matrix of epoch " + epoch + " has a row of "
                        + row.size() + " counts for " + labels.size() + " labels");
            }
        }
        if (counts.size() != labels.size()) {
            throw new IllegalArgumentException("confusion matrix of epoch " + epoch + " has " + counts.size()
                    + " rows for " + labels.size() + " labels");
        }
    }

    /** The share of counts on the diagonal, or NaN for an empty matrix. */
    public double accuracy() {
        long total = 0;
        long correct = 0;
        for (int a = 0; a < counts.size(); a++) {
            for (int p = 0; p < counts.size(); p++) {
                total += counts.get(a).get(p);
                if (a == p) {
                    correct += counts.get(a).get(p);
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
