package org.rnnlab.api.event;

import java.util.List;

/**
 * Where a sequence-to-sequence model with attention looked while decoding the same few examples of
 * {@code split} after an epoch ({@link org.rnnlab.api.task.Task#attention}): the report draws them as
 * heatmaps to step through the epochs.
 */
public record AttentionMaps(String experiment, String variant, int epoch, String split, List<AttentionMap> maps)
        implements RunEvent {
    public AttentionMaps {
        maps = List.copyOf(maps);
    }
}
