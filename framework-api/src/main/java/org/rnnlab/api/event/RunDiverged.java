package org.rnnlab.api.event;

/** The loss or a gradient became NaN or infinite at {@code step}; the run ended there. */
public record RunDiverged(String experiment, String variant, int epoch, long step, double lastFiniteLoss,
                          String reason) implements RunEvent {}
