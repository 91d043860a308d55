package org.rnnlab.probe;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/**
 * Run by {@code ModulePathIT} in a child JVM whose module path holds the reporting plugin and its
 * libraries: finds the plugin with the ServiceLoader, builds its Guice module, and sends a short
 * experiment through every reporter (the console one with progress bars), so that a module that is
 * missing, not opened to Guice, or unable to read its resources fails here rather than for a user.
 */
public final class ModulePathProbe {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("reporting")).findFirst().orElseThrow(() -> new IllegalStateException("no reporting plugin"));
        System.out.println("plugin module: " + plugin.getClass().getModule().getName());
        Set<ReporterFactory> factories = Guice.createInjector(plugin.module())
                .getInstance(Key.get(new TypeLiteral<Set<ReporterFactory>>() {}));
        List<EventSubscriber> reporters = factories.stream().map(f -> f.create(new ReportContext(run, true))).toList();
        String e = "probe";
        String v = "lstm-s1";
        List<Event> events = List.of(
                new ExperimentStarted(e, "a probe", run, Map.of(v, Map.of("cell", "lstm")), Map.of("java.version", Runtime.version().toString())),
                new RunStarted(e, v, Map.of("cell", "lstm"), 1, run.resolve(v), 2),
                new BatchCompleted(e, v, 1, 0, 2, 1.0), new BatchCompleted(e, v, 1, 1, 2, 0.9),
                new EpochCompleted(e, v, 1, Map.of("train.loss", 0.95), Map.of("time.epoch_seconds", 0.1)),
                new GradientStats(e, v, 1, 1.0, Map.of("weight_hh_l0", 0.5), new double[] {1, 0.5, 0.25}),
                new BatchCompleted(e, v, 2, 0, 2, 0.8), new BatchCompleted(e, v, 2, 1, 2, 0.7),
                new EpochCompleted(e, v, 2, Map.of("train.loss", 0.75), Map.of("time.epoch_seconds", 0.1)),
                new RunCompleted(e, v, RunStatus.COMPLETED, Map.of("train.loss", 0.75), Map.of("train.loss", 0.75), 200),
                new ExperimentCompleted(e, run, Map.of(v, RunStatus.COMPLETED), 250));
        for (Event event : events) {
            for (EventSubscriber r : reporters) {
                r.onEvent(event);
            }
        }
        for (String file : List.of("comparison.html", "summary.csv", v + "/metrics.csv", v + "/gradients.csv", v + "/report.html")) {
            if (!Files.exists(run.resolve(file))) {
                throw new IllegalStateException("missing " + file);
            }
        }
        System.out.println("probe ok: " + factories.size() + " reporters");
    }
}
