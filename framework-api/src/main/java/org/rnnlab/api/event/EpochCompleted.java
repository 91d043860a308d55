package org.rnnlab.api.event;

import java.util.Map;

/**
 * An epoch ended. {@code metrics} holds deterministic values ({@code train.loss}, {@code val.loss},
 * {@code val.accuracy}, {@code val.nats_per_token}, ...); {@code timings} holds what varies from run to
 * run ({@code time.epoch_seconds}, {@code time.tokens_per_second}).
 */
public record EpochCompleted(String experiment, String variant, int epoch, Map<String, Double> metrics,
                             Map<String, Double> timings) implements RunEvent {
    public EpochCompleted {
        metrics = Map.copyOf(metrics);
        timings = Map.copyOf(timings);
    }
}
