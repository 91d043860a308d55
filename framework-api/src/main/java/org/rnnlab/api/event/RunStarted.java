package org.rnnlab.api.event;

import java.nio.file.Path;
import java.util.Map;

/** A variant's run began, with its resolved settings, seed and directory. */
public record RunStarted(String experiment, String variant, Map<String, String> settings, long seed,
                         Path runDirectory, int epochs) implements RunEvent {
    public RunStarted {
        settings = Map.copyOf(settings);
    }
}
