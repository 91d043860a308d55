package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.Map;
import org.rnnlab.api.event.RunStatus;

/**
 * How an experiment ended: its run directory, each variant's status (in the experiment's variant order), the message of each variant that
 * failed, and the wall time.
 */
public record ExperimentOutcome(Path runDirectory, Map<String, RunStatus> status, Map<String, String> failures,
                                long wallMillis) {
    public ExperimentOutcome {
        // variant order, as the experiment lists them
        status = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));
        failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
    }

    /** Whether every variant completed (diverging counts as completing: it is a result). */
    public boolean allSucceeded() {
        return status.values().stream().noneMatch(s -> s == RunStatus.FAILED);
    }
}
