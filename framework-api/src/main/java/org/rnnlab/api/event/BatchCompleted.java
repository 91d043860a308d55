package org.rnnlab.api.event;

/** One optimiser step: its batch within the epoch, and the batch's training loss. */
public record BatchCompleted(String experiment, String variant, int epoch, int batch, int batches,
                             double loss) implements RunEvent {}
