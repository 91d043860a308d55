package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.train.RunResult;

class ExperimentRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** A variant of the {@code tiny} dataset unless the key-value pairs name another. */
    private static Variant variant(String name, long seed, String... keyValues) {
        Map<String, String> m = new java.util.TreeMap<>();
        m.put("dataset", "tiny");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Variant(name, Settings.of(m), seed);
    }

    @Test
    void writesTheRunDirectoryWithDefinitionAndProvenance(@TempDir Path out) throws Exception {
        FixtureReporter reporter = new FixtureReporter(true);
        Map<String, Path> folders = new ConcurrentHashMap<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            folders.put(ctx.variant(), ctx.store().directory());
            ctx.bus().publish(new RunCompleted(ctx.experiment(), ctx.variant(), RunStatus.COMPLETED,
                    Map.of("val.loss", 1.5), Map.of(), 1));
            return new RunResult(RunStatus.COMPLETED, Map.of("val.loss", 1.5), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer, reporter), FixturePlugin.pipeline()));
        ExperimentPlan plan = new ExperimentPlan("hello", "says hello", "the lstm says it sooner",
                List.of(variant("rnn", 1, "cell", "rnn", "epochs", "3"), variant("lstm", 2, "cell", "lstm", "epochs", "3")),
                Map.of("set.epochs", "3"), Map.of("hello.txt", "sha256:abc"));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(plan, new RunOptions(out, 2, false), List.of());

        Path run = out.resolve("hello").resolve("20260102-030405");
        assertThat(outcome.runDirectory()).isEqualTo(run.toAbsolutePath());
        assertThat(outcome.status()).containsEntry("rnn", RunStatus.COMPLETED).containsEntry("lstm", RunStatus.COMPLETED);
        assertThat(folders).containsEntry("rnn", run.resolve("rnn").toAbsolutePath());
        assertThat(run.resolve("lstm")).isDirectory();

        JsonNode json = new ObjectMapper().readTree(run.resolve("experiment.json").toFile());
        assertThat(json.get("experiment").asText()).isEqualTo("hello");
        assertThat(json.get("lesson").asText()).isEqualTo("the lstm says it sooner");
        assertThat(json.get("request").get("set.epochs").asText()).isEqualTo("3");
        assertThat(json.get("variants").get(1).get("settings").get("epochs").asText()).isEqualTo("3");
        assertThat(json.get("variants").get(1).get("seed").asLong()).isEqualTo(2);
        assertThat(json.get("seeds").toString()).isEqualTo("[1,2]");
        assertThat(json.get("dataHashes").get("hello.txt").asText()).isEqualTo("sha256:abc");
        JsonNode provenance = json.get("provenance");
        for (String key : List.of("rnnlab.version", "java.version", "java.vendor", "os.name", "os.arch", "kernels.name")) {
            assertThat(provenance.has(key)).as(key).isTrue();
        }
        assertThat(json.get("status").get("lstm").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("plugins").get(0).get("id").asText()).isEqualTo("fixtures");

        assertThat(reporter.directories).containsExactly(run.toAbsolutePath());
        assertThat(reporter.events.getFirst()).isInstanceOf(ExperimentStarted.class);
        // the lesson's figures are for its defaults: the reader's text says this run overrode one
        assertThat(((ExperimentStarted) reporter.events.getFirst()).description())
                .startsWith("says hello\n\nthe lstm says it sooner\n\nNote: this run overrides epochs=3.");
        assertThat(reporter.events.getLast()).isInstanceOf(ExperimentCompleted.class);
        assertThat(reporter.events).filteredOn(e -> e instanceof RunCompleted).hasSize(2);
    }

    @Test
    void aFailingVariantIsReportedAndNeverStopsTheOthers(@TempDir Path out) throws Exception {
        FixtureReporter reporter = new FixtureReporter(false);
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            if (ctx.variant().equals("broken")) {
                throw new IllegalStateException("the data file is empty");
            }
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer, reporter), FixturePlugin.pipeline()));
        List<Variant> variants = List.of(variant("a", 1), variant("broken", 2), variant("c", 3), variant("d", 4));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", variants), new RunOptions(out, 2, false), List.of());

        assertThat(outcome.status()).containsExactlyInAnyOrderEntriesOf(Map.of("a", RunStatus.COMPLETED,
                "broken", RunStatus.FAILED, "c", RunStatus.COMPLETED, "d", RunStatus.COMPLETED));
        assertThat(outcome.failures()).containsEntry("broken", "java.lang.IllegalStateException: the data file is empty");
        assertThat(outcome.allSucceeded()).isFalse();
        assertThat(reporter.events).filteredOn(e -> e instanceof RunFailed)
                .singleElement().extracting(e -> ((RunFailed) e).variant()).isEqualTo("broken");
        assertThat(outcome.runDirectory().resolve("broken/error.txt")).content().contains("the data file is empty");
        ExperimentCompleted done = (ExperimentCompleted) reporter.events.getLast();
        assertThat(done.status()).containsEntry("broken", RunStatus.FAILED);
    }

    @Test
    void variantsRunAtTheSameTimeOnThePool(@TempDir Path out) {
        // both variants wait for each other: this completes only if two threads train at once
        CyclicBarrier together = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            threads.add(Thread.currentThread().getName());
            together.await(20, TimeUnit.SECONDS);
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK).run(
                new ExperimentPlan("pair", "", List.of(variant("x", 1), variant("y", 2))), new RunOptions(out, 2, false), List.of());

        assertThat(outcome.allSucceeded()).isTrue();
        assertThat(threads).hasSize(2);
    }

    /** The kernel threads each variant's trainer saw, by variant, for {@code threads} and the variants named. */
    private static Map<String, Integer> kernelThreadsSeen(Path out, int threads, String... names) {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            seen.put(ctx.variant(), org.rnnlab.engine.kernel.KernelThreads.current());
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));
        List<Variant> variants = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            variants.add(variant(names[i], i + 1));
        }
        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK).run(
                new ExperimentPlan("share" + threads + names.length, "", variants), new RunOptions(out, threads, false), List.of());
        assertThat(outcome.allSucceeded()).isTrue();
        return seen;
    }

    @Test
    void theThreadsTheVariantsLeaveOverGoToTheirKernels(@TempDir Path out) {
        // one large model uses every thread it is given; variants side by side split them; never below 1
        assertThat(kernelThreadsSeen(out, 4, "alone")).containsExactlyEntriesOf(Map.of("alone", 4));
        assertThat(kernelThreadsSeen(out, 4, "x", "y")).containsExactlyInAnyOrderEntriesOf(Map.of("x", 2, "y", 2));
        assertThat(kernelThreadsSeen(out, 2, "p", "q", "r"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("p", 1, "q", 1, "r", 1));
        // the calling thread of the test never had its kernels split
        assertThat(org.rnnlab.engine.kernel.KernelThreads.current()).isEqualTo(1);
    }

    @Test
    void unknownTrainersAndDuplicateNamesFailBeforeAnythingIsWritten(@TempDir Path out) {
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt")), FixturePlugin.pipeline()));
        List<Variant> variants = List.of(variant("a", 1, "trainer", "sgd-magic"), variant("a", 2), variant("b", 3, "trainer", "nope"));

        assertThatThrownBy(() -> new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", variants), new RunOptions(out.resolve("runs"), 1, false), List.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(
                        "variant 'a': setting 'trainer': unknown trainer 'sgd-magic'; known trainers: bptt",
                        "two variants are named 'a'",
                        "variant 'b': setting 'trainer': unknown trainer 'nope'; known trainers: bptt"));
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void hostileNamesNeverWriteOutsideTheOutputFolder(@TempDir Path sandbox) throws Exception {
        Path out = sandbox.resolve("out");
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            Files.writeString(ctx.store().directory().resolve("metrics.csv"), "epoch\n");
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));
        String absolute = sandbox.resolve("escaped").toAbsolutePath().toString();
        List<Variant> variants = List.of(variant("../x", 1), variant(absolute, 2), variant("a\0b", 3),
                variant("a/b", 4), variant("..", 5), variant("", 6), variant("../../../../tmp/evil", 7));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("../../up", "", variants), new RunOptions(out, 2, false), List.of());

        assertThat(outcome.allSucceeded()).isTrue();
        try (Stream<Path> s = Files.list(sandbox)) {
            assertThat(s.toList()).containsExactly(out);
        }
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> metrics = files.filter(p -> p.getFileName().toString().equals("metrics.csv")).toList();
            assertThat(metrics).hasSize(variants.size()).allSatisfy(p ->
                    assertThat(p.getParent().getParent()).isEqualTo(outcome.runDirectory()));
        }
        assertThat(outcome.runDirectory().getParent().getParent()).isEqualTo(out.toAbsolutePath());
    }

    @Test
    void eachDistinctDatasetAndSeedIsLoadedOnceAndRecordedInExperimentJson(@TempDir Path out) throws Exception {
        FixtureDataset tiny = new FixtureDataset();
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt")),
                FixturePlugin.pipeline(tiny)));
        List<Variant> variants = List.of(variant("a", 1, "dataset", "tiny", "dataset.size", "3"),
                variant("b", 2, "dataset", "tiny", "dataset.size", "3"),
                variant("c", 1, "dataset", "tiny", "dataset.size", "5"),
                variant("d", 1, "dataset", "missing"));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", variants), new RunOptions(out, 1, false), List.of());

        JsonNode data = new ObjectMapper().readTree(outcome.runDirectory().resolve("experiment.json").toFile()).get("data");
        // one entry per distinct dataset, options and seed (the seed fixes the splits): every seed is recorded
        assertThat(data).hasSize(4);
        assertThat(data.get(0).get("options").get("size").asText()).isEqualTo("3");
        assertThat(data.get(0).get("seed").asLong()).isEqualTo(1);
        assertThat(data.get(0).get("provenance").get("sha256").asText()).isEqualTo("abc3");
        assertThat(data.get(1).get("seed").asLong()).isEqualTo(2);
        assertThat(data.get(1).get("provenance").get("seed").asText()).isEqualTo("2");
        assertThat(data.get(2).get("provenance").get("sha256").asText()).isEqualTo("abc5");
        assertThat(data.get(3).get("unavailable").asText()).contains("unknown dataset 'missing'");
        // loaded once each for experiment.json and the three variants that train on them, not once more per variant
        assertThat(tiny.loads).isEqualTo(3);
        assertThat(outcome.status()).containsEntry("a", RunStatus.COMPLETED).containsEntry("c", RunStatus.COMPLETED)
                .containsEntry("d", RunStatus.FAILED);
    }

    @Test
    void aReporterThatCannotStartIsLeftOutAndTheRunGoesOn(@TempDir Path out) {
        FixtureReporter healthy = new FixtureReporter(false);
        org.rnnlab.api.report.ReporterFactory broken = new org.rnnlab.api.report.ReporterFactory() {
            @Override public String id() { return "broken-reporter"; }
            @Override public String description() { return "cannot start"; }
            @Override public org.rnnlab.api.event.EventSubscriber create(org.rnnlab.api.report.ReportContext context) {
                throw new IllegalStateException("no display");
            }
        };
        PluginRegistry registry = PluginRegistry.of(List.of(
                FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt"), healthy, broken), FixturePlugin.pipeline()));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", List.of(variant("a", 1))), new RunOptions(out, 1, false), List.of());

        assertThat(outcome.allSucceeded()).isTrue();
        assertThat(healthy.events).hasSize(2); // started and completed: the trainer fixture publishes nothing
    }

    @Test
    void twoRunsInOneSecondGetTwoFolders(@TempDir Path out) {
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt")), FixturePlugin.pipeline()));
        ExperimentRunner runner = new ExperimentRunner(registry, CLOCK);
        ExperimentPlan plan = new ExperimentPlan("exp", "", List.of(variant("a", 1)));

        Path first = runner.run(plan, new RunOptions(out, 1, false), List.of()).runDirectory();
        Path second = runner.run(plan, new RunOptions(out, 1, false), List.of()).runDirectory();

        assertThat(first.getFileName()).hasToString("20260102-030405");
        assertThat(second.getFileName()).hasToString("20260102-030405-2");
    }
}
