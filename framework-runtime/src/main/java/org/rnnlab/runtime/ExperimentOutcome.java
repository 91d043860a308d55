package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.Map;
import org.rnnlab.api.event.RunStatus;

/**
 * How an experiment ended: its run directory, each variant's status (in the experiment's variant order), the message of each variant that
 * failed, the wall time, and each file that could not be written or reporter that failed ({@code writeFailures},
 * one line each naming the file and the cause: a report that does not exist must not be announced).
 */
public record ExperimentOutcome(Path runDirectory, Map<String, RunStatus> status, Map<String, String> failures,
                                long wallMillis, java.util.List<String> writeFailures) {
    public ExperimentOutcome(Path runDirectory, Map<String, RunStatus> status, Map<String, String> failures, long wallMillis) {
        this(runDirectory, status, failures, wallMillis, java.util.List.of());
    }

    public ExperimentOutcome {
        writeFailures = java.util.List.copyOf(writeFailures);
        // variant order, as the experiment lists them
        status = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));
        failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
    }

    /** Whether every file of the run was written and every reporter kept up. */
    public boolean allWritten() {
        return writeFailures.isEmpty();
    }

    /** Whether every variant completed (diverging counts as completing: it is a result). */
    public boolean allSucceeded() {
        return status.values().stream().noneMatch(s -> s == RunStatus.FAILED);
    }
}
