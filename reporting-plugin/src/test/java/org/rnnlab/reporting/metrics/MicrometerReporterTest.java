package org.rnnlab.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.reporting.ReportingPlugin;
import org.rnnlab.reporting.SyntheticExperiment;

class MicrometerReporterTest {
    private static final Path RUN = Path.of("runs", "x", "1");

    private static MicrometerReporterFactory factory(Injector injector) {
        Set<ReporterFactory> all = injector.getInstance(Key.get(new TypeLiteral<Set<ReporterFactory>>() {}));
        return (MicrometerReporterFactory) all.stream().filter(f -> f.id().equals("micrometer")).findFirst().orElseThrow();
    }

    @Test
    void metersCountStepsTokensEpochsAndFollowTheLoss() throws Exception {
        Injector injector = Guice.createInjector(new ReportingPlugin().module());
        MicrometerReporterFactory factory = factory(injector);
        assertThat(factory.registry()).isInstanceOf(PrometheusMeterRegistry.class).isSameAs(injector.getInstance(MeterRegistry.class));
        var events = SyntheticExperiment.events(RUN);
        SyntheticExperiment.replay(events, factory.create(new ReportContext(RUN, false)));

        MeterRegistry r = factory.registry();
        String v = "sentiment-lstm-word-s1";
        String e = SyntheticExperiment.NAME;
        assertThat(r.get("rnnlab.steps").tags("experiment", e, "variant", v).counter().count())
                .isEqualTo(SyntheticExperiment.EPOCHS * SyntheticExperiment.BATCHES);
        assertThat(r.get("rnnlab.epoch").tags("experiment", e, "variant", v).timer().count()).isEqualTo(SyntheticExperiment.EPOCHS);
        double tokens = 0;
        double lastValLoss = Double.NaN;
        for (Event event : events) {
            if (event instanceof EpochCompleted ec && ec.variant().equals(v)) {
                tokens += Math.rint(ec.timings().get("time.tokens_per_second") * ec.timings().get("time.epoch_seconds"));
                lastValLoss = ec.metrics().get("val.loss");
            }
        }
        assertThat(r.get("rnnlab.tokens").tags("variant", v).counter().count()).isEqualTo(tokens);
        assertThat(r.get("rnnlab.loss").tags("variant", v, "split", "val").gauge().value()).isEqualTo(lastValLoss);
        assertThat(r.get("rnnlab.loss").tags("variant", v, "split", "batch").gauge().value()).isFinite();
        assertThat(r.get("rnnlab.runs").tags("variant", v, "status", "completed").counter().count()).isEqualTo(1);
        assertThat(r.get("rnnlab.divergences").tags("variant", SyntheticExperiment.DIVERGED).counter().count()).isEqualTo(1);
        assertThat(r.get("rnnlab.grad.norm").tags("variant", v).gauge().value()).isPositive();
        assertThat(r.get("rnnlab.epochs.completed").tags("variant", v).gauge().value()).isEqualTo(SyntheticExperiment.EPOCHS);
        assertThat(r.get("rnnlab.epochs.planned").tags("variant", v).gauge().value()).isEqualTo(SyntheticExperiment.EPOCHS);
        assertThat(r.get("rnnlab.metric").tags("variant", v, "metric", "val.loss").gauge().value()).isEqualTo(lastValLoss);
        assertThat(r.get("rnnlab.tokens.per.second").tags("variant", v).gauge().value()).isPositive();
        assertThat(r.get("rnnlab.variants.planned").tags("experiment", e).gauge().value())
                .isEqualTo(SyntheticExperiment.specs().size());
    }

    @Test
    void theMetersReadInThePrometheusTextFormat() throws Exception {
        MicrometerReporterFactory factory = factory(Guice.createInjector(new ReportingPlugin().module()));
        SyntheticExperiment.replay(SyntheticExperiment.events(RUN), factory.create(new ReportContext(RUN, false)));
        String text = factory.scrape();
        String v = "sentiment-lstm-word-s1";
        assertThat(text).contains("# TYPE rnnlab_epochs_completed gauge", "# TYPE rnnlab_steps_total counter")
                .containsPattern("(?m)^rnnlab_epochs_completed\\{experiment=\"" + SyntheticExperiment.NAME + "\",variant=\""
                        + v + "\"} " + SyntheticExperiment.EPOCHS + "\\.0$");
    }

    @Test
    void anotherBoundRegistryGetsTheMetersAndTheScrapeStillHasThem() throws Exception {
        SimpleMeterRegistry mine = new SimpleMeterRegistry();
        Injector injector = Guice.createInjector(new ReportingPlugin().module(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(mine);
            }
        });
        MicrometerReporterFactory factory = factory(injector);
        SyntheticExperiment.replay(SyntheticExperiment.events(RUN), factory.create(new ReportContext(RUN, false)));
        assertThat(mine.get("rnnlab.epochs.completed").tags("variant", "sentiment-lstm-word-s1").gauge().value())
                .isEqualTo(SyntheticExperiment.EPOCHS);
        assertThat(factory.scrape()).contains("rnnlab_epochs_completed{");
    }

    @Test
    void aUserModuleReplacesTheRegistry() {
        SimpleMeterRegistry mine = new SimpleMeterRegistry();
        Injector injector = Guice.createInjector(new ReportingPlugin().module(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(mine);
            }
        });
        assertThat(factory(injector).registry()).isSameAs(mine);
    }
}
