package org.rnnlab.runtime;

import java.nio.file.Path;

/**
 * How to run an experiment.
 *
 * @param outputFolder where {@code <experiment>/<yyyyMMdd-HHmmss>/} is created ({@code runs} by default)
 * @param threads      variants trained at once; at least 1
 * @param interactive  whether standard output is a terminal (reporters may draw progress)
 */
public record RunOptions(Path outputFolder, int threads, boolean interactive) {
    public RunOptions {
        if (threads < 1) {
            throw new org.rnnlab.api.ConfigException("--threads must be at least 1 but was " + threads);
        }
    }

    /** {@code runs/}, one thread per core, not interactive. */
    public static RunOptions defaults() {
        return new RunOptions(Path.of("runs"), Runtime.getRuntime().availableProcessors(), false);
    }
}
