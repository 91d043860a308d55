package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.Map;
import org.rnnlab.api.event.RunStatus;

/**
 * How an experiment ended: its run directory, each variant's status, the message of each variant that
 * failed, and the wall time.
 */
public record ExperimentOutcome(Path runDirectory, Map<String, RunStatus> status, Map<String, String> failures,
                                long wallMillis) {
    public ExperimentOutcome {
        status = Map.copyOf(status);
        failures = Map.copyOf(failures);
    }

    /** Whether every variant completed (diverging counts as completing: it is a result). */
    public boolean allSucceeded() {
        return status.values().stream().noneMatch(s -> s == RunStatus.FAILED);
    }
}
