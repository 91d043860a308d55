package org.rnnlab.reporting.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import java.util.List;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.PrometheusText;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/**
 * The {@code micrometer} reporter: training meters on the {@link MeterRegistry} bound in Guice (an
 * in-memory {@link PrometheusMeterRegistry} unless a user module binds another, see
 * {@link org.rnnlab.reporting.ReportingPlugin}), readable in the Prometheus text format
 * ({@link #scrape()}, {@code /metrics} of {@code lab run NAME --serve}). When the bound registry is not a
 * Prometheus one, the meters go to it and to a Prometheus registry of this factory alike.
 */
public final class MicrometerReporterFactory implements ReporterFactory, PrometheusText {
    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final MeterRegistry target;

    @Inject
    public MicrometerReporterFactory(MeterRegistry registry) {
        this.registry = registry;
        if (registry instanceof PrometheusMeterRegistry p) {
            this.prometheus = p;
            this.target = p;
        } else {
            this.prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            this.target = new CompositeMeterRegistry(Clock.SYSTEM, List.of(registry, prometheus));
        }
    }

    @Override
    public String id() {
        return "micrometer";
    }

    @Override
    public String description() {
        return "Micrometer meters (tokens, steps, epochs, progress, loss and metric gauges) tagged by experiment and "
                + "variant; Prometheus text at /metrics of lab run --serve";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return new MicrometerReporter(target);
    }

    /** The registry the meters go to. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public String scrape() {
        return prometheus.scrape(); // the Prometheus text format, version 0.0.4
    }
}
