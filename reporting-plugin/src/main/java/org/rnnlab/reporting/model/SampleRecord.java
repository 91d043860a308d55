package org.rnnlab.reporting.model;

import java.util.List;

/** Text a language model generated after one epoch, and the share of it not found in the training set. */
public record SampleRecord(int epoch, double novelShare, List<String> texts, int batch) {
    public SampleRecord {
        texts = List.copyOf(texts);
    }

    /** Samples drawn after the whole epoch. */
    public SampleRecord(int epoch, double novelShare, List<String> texts) {
        this(epoch, novelShare, texts, 0);
    }

    /** When they were drawn: {@code epoch 3}, or {@code epoch 1, batch 40} within an epoch. */
    public String when() {
        return "epoch " + epoch + (batch > 0 ? ", batch " + batch : "");
    }
}
