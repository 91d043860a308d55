package org.rnnlab.api.event;

import java.util.Map;

/**
 * An epoch ended. {@code metrics} holds deterministic values ({@code train.loss}, {@code val.loss},
 * {@code val.accuracy}, {@code val.nats_per_token}, ...); {@code timings} holds what varies from run to
 * run ({@code time.epoch_seconds}, {@code time.tokens_per_second}). {@code learningRate} is the rate of the
 * epoch's last optimiser step (a schedule may change it within the epoch), NaN when not known (logs
 * written before event log version 4, trainers that do not say).
 */
public record EpochCompleted(String experiment, String variant, int epoch, Map<String, Double> metrics,
                             Map<String, Double> timings, double learningRate) implements RunEvent {
    public EpochCompleted {
        metrics = Map.copyOf(metrics);
        timings = Map.copyOf(timings);
    }

    /** An epoch whose learning rate is not known. */
    public EpochCompleted(String experiment, String variant, int epoch, Map<String, Double> metrics,
                          Map<String, Double> timings) {
        this(experiment, variant, epoch, metrics, timings, Double.NaN);
    }
}
