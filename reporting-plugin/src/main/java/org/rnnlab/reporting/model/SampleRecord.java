package org.rnnlab.reporting.model;

import java.util.List;

/** Text a language model generated after one epoch, and the share of it not found in the training set. */
public record SampleRecord(int epoch, double novelShare, List<String> texts) {
    public SampleRecord {
        texts = List.copyOf(texts);
    }
}
