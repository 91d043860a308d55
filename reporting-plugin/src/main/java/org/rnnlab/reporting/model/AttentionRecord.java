package org.rnnlab.reporting.model;

import java.util.List;
import org.rnnlab.api.event.AttentionMap;

/** The attention of a sequence-to-sequence variant on the same few examples of {@code split} after an epoch. */
public record AttentionRecord(int epoch, String split, List<AttentionMap> maps) {
    public AttentionRecord {
        maps = List.copyOf(maps);
    }
}
