package org.rnnlab.api.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a reporter writes, whether standard output is an interactive terminal, and the events the run
 * recorded before this reporter was made ({@link EventHistory#NONE} for a fresh run).
 */
public record ReportContext(Path runDirectory, boolean interactive, EventHistory history) {
    public ReportContext {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(history, "history");
    }

    /** A fresh run: nothing recorded yet. */
    public ReportContext(Path runDirectory, boolean interactive) {
        this(runDirectory, interactive, EventHistory.NONE);
    }
}
