package org.rnnlab.api.event;

import java.nio.file.Path;

/** A checkpoint of the run after {@code epoch} was written (atomically) to {@code file}. */
public record Checkpointed(String experiment, String variant, int epoch, Path file) implements RunEvent {}
