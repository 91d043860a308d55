package org.rnnlab.api.event;

import java.nio.file.Path;
import java.util.Map;

/** Every variant has ended; {@code status} maps each variant to its {@link RunStatus}. */
public record ExperimentCompleted(String experiment, Path runDirectory, Map<String, RunStatus> status,
                                  long wallMillis) implements Event {
    public ExperimentCompleted {
        status = Map.copyOf(status);
    }
}
