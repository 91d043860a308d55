package org.rnnlab.reporting.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/**
 * The {@code micrometer} reporter: training meters on the {@link MeterRegistry} bound in Guice (an
 * in-memory {@code SimpleMeterRegistry} unless a user module binds another, see
 * {@link org.rnnlab.reporting.ReportingPlugin}).
 */
public final class MicrometerReporterFactory implements ReporterFactory {
    private final MeterRegistry registry;

    @Inject
    public MicrometerReporterFactory(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String id() {
        return "micrometer";
    }

    @Override
    public String description() {
        return "Micrometer meters (tokens, steps, epoch timer, loss gauges) tagged by experiment and variant";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return new MicrometerReporter(registry);
    }

    /** The registry the meters go to. */
    public MeterRegistry registry() {
        return registry;
    }
}
