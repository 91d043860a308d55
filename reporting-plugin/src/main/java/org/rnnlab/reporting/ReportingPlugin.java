package org.rnnlab.reporting;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.reporting.console.ConsoleReporterFactory;
import org.rnnlab.reporting.csv.CsvReporterFactory;
import org.rnnlab.reporting.html.HtmlReporterFactory;
import org.rnnlab.reporting.metrics.MicrometerReporterFactory;

/**
 * The built-in reporters: {@code console}, {@code csv}, {@code micrometer} and {@code html}.
 *
 * <p>The {@code micrometer} reporter writes to the {@link MeterRegistry} bound in Guice. By default that
 * is one in-memory {@link PrometheusMeterRegistry}, which {@code lab run NAME --serve} reads at
 * {@code /metrics}; a user module replaces it with
 * {@code OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(myRegistry)}.
 */
public final class ReportingPlugin implements Plugin {
    @Override
    public String id() {
        return "reporting";
    }

    @Override
    public String version() {
        return RnnlabVersion.current();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setDefault()
                        .to(PrometheusMeterRegistry.class);
                bind(PrometheusMeterRegistry.class).toInstance(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
                var reporters = Components.of(binder(), ComponentKind.REPORTER);
                reporters.addBinding().to(ConsoleReporterFactory.class).in(Scopes.SINGLETON);
                reporters.addBinding().to(CsvReporterFactory.class).in(Scopes.SINGLETON);
                reporters.addBinding().to(MicrometerReporterFactory.class).in(Scopes.SINGLETON);
                reporters.addBinding().to(HtmlReporterFactory.class).in(Scopes.SINGLETON);
            }
        };
    }
}
