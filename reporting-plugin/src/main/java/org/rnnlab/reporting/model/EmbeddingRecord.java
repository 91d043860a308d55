package org.rnnlab.reporting.model;

import java.util.List;
import java.util.Optional;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EmbeddingMap;

/**
 * A variant's word embedding as a report shows it: the file its rows began as, if any, and its maps (one per
 * embedding table, the last published for each).
 */
public record EmbeddingRecord(Optional<EmbeddingImported> imported, List<EmbeddingMap> maps) {
    /** A variant with no word embedding to show. */
    public static final EmbeddingRecord NONE = new EmbeddingRecord(Optional.empty(), List.of());

    public EmbeddingRecord {
        maps = List.copyOf(maps);
    }

    public boolean isEmpty() {
        return imported.isEmpty() && maps.isEmpty();
    }
}
