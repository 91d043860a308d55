package org.rnnlab.api.train;

import java.nio.file.Path;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.experiment.Settings;

/**
 * Everything a trainer needs for one variant: who it is, its settings and seed, where it writes
 * ({@code runDirectory} is the variant's own folder), the components, the bus, and whether to resume
 * from the checkpoint in its folder.
 */
public record RunContext(String experiment, String variant, Settings settings, long seed, Path runDirectory,
                         ComponentRegistry registry, EventBus bus, boolean resume) {}
