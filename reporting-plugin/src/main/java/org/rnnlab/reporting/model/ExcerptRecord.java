package org.rnnlab.reporting.model;

import java.util.List;

/** A few examples of one split of a variant's data, in the form of its samples (a music task's piano-roll text). */
public record ExcerptRecord(String split, List<String> texts) {
    public ExcerptRecord {
        texts = List.copyOf(texts);
    }
}
