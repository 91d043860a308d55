package org.rnnlab.reporting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;

/**
 * Turns training events into meters, all tagged {@code experiment} and {@code variant}:
 * <ul>
 * <li>{@code rnnlab.steps} (counter): optimiser steps, one per completed batch;</li>
 * <li>{@code rnnlab.tokens} (counter): tokens trained on, per epoch {@code time.tokens_per_second x time.epoch_seconds};</li>
 * <li>{@code rnnlab.epoch} (timer): epoch wall time, from {@code time.epoch_seconds};</li>
 * <li>{@code rnnlab.loss} (gauge, tag {@code split}: {@code batch}, {@code train}, {@code val}): the latest loss;</li>
 * <li>{@code rnnlab.grad.norm} (gauge): the latest global gradient norm;</li>
 * <li>{@code rnnlab.epochs.completed}, {@code rnnlab.epochs.planned} (gauges): the last epoch that ended and the
 * epochs the run plans, so {@code completed / planned} is a variant's progress;</li>
 * <li>{@code rnnlab.tokens.per.second} (gauge): the training speed of the last epoch;</li>
 * <li>{@code rnnlab.metric} (gauge, tag {@code metric}, e.g. {@code val.accuracy}): the latest value of every
 * epoch metric;</li>
 * <li>{@code rnnlab.variants.planned} (gauge, tag {@code experiment} only): the variants the experiment runs, to
 * hold against the sum of {@code rnnlab.runs};</li>
 * <li>{@code rnnlab.runs} (counter, tag {@code status}): runs ended, by status;</li>
 * <li>{@code rnnlab.divergences}, {@code rnnlab.failures} (counters): runs that diverged or failed.</li>
 * </ul>
 * Gauges read values held here, so they stay valid as long as this reporter lives.
 */
final class MicrometerReporter implements EventSubscriber {
    private final MeterRegistry registry;
    private final Map<String, LatestValue> gauges = new ConcurrentHashMap<>();

    MicrometerReporter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(Event event) {
        switch (event) {
            case ExperimentStarted e -> gauge("rnnlab.variants.planned", Tags.of("experiment", e.experiment()))
                    .set(e.variants().size());
            case RunStarted e -> {
                gauge("rnnlab.loss", tags(e.experiment(), e.variant()).and("split", "batch"));
                gauge("rnnlab.epochs.planned", tags(e.experiment(), e.variant())).set(e.epochs());
            }
            case BatchCompleted e -> {
                Counter.builder("rnnlab.steps").description("optimiser steps").baseUnit("steps")
                        .tags(tags(e.experiment(), e.variant())).register(registry).increment();
                gauge("rnnlab.loss", tags(e.experiment(), e.variant()).and("split", "batch")).set(e.loss());
            }
            case EpochCompleted e -> epoch(e);
            case GradientStats e -> gauge("rnnlab.grad.norm", tags(e.experiment(), e.variant())).set(e.globalNorm());
            case RunCompleted e -> count("rnnlab.runs", "runs ended, by status",
                    tags(e.experiment(), e.variant()).and("status", e.status().name().toLowerCase(java.util.Locale.ROOT)));
            case RunDiverged e -> count("rnnlab.divergences", "runs whose loss or gradient became NaN or infinite",
                    tags(e.experiment(), e.variant()));
            case RunFailed e -> count("rnnlab.failures", "runs stopped by an error", tags(e.experiment(), e.variant()));
            default -> { }
        }
    }

    private void epoch(EpochCompleted e) {
        Tags tags = tags(e.experiment(), e.variant());
        Double seconds = e.timings().get("time.epoch_seconds");
        Double speed = e.timings().get("time.tokens_per_second");
        if (seconds != null && Double.isFinite(seconds) && seconds >= 0) {
            Timer.builder("rnnlab.epoch").description("wall time of one epoch").tags(tags).register(registry)
                    .record(Duration.ofNanos(Math.round(seconds * 1e9)));
            if (speed != null && Double.isFinite(speed) && speed >= 0) {
                Counter.builder("rnnlab.tokens").description("tokens trained on").baseUnit("tokens").tags(tags)
                        .register(registry).increment(Math.rint(speed * seconds));
            }
        }
        gauge("rnnlab.epochs.completed", tags).set(e.epoch());
        if (speed != null && Double.isFinite(speed)) {
            gauge("rnnlab.tokens.per.second", tags).set(speed);
        }
        e.metrics().forEach((metric, value) -> {
            gauge("rnnlab.metric", tags.and("metric", metric)).set(value);
            if (metric.endsWith(".loss")) {
                gauge("rnnlab.loss", tags.and("split", metric.substring(0, metric.length() - ".loss".length()))).set(value);
            }
        });
    }

    private void count(String name, String description, Tags tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    private LatestValue gauge(String name, Tags tags) {
        return gauges.computeIfAbsent(name + tags, k -> {
            LatestValue holder = new LatestValue();
            Gauge.builder(name, holder, LatestValue::get).tags(tags).register(registry);
            return holder;
        });
    }

    private static Tags tags(String experiment, String variant) {
        return Tags.of("experiment", experiment, "variant", variant);
    }
}
