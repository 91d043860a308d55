package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.api.train.RunResult;

/**
 * Issue 20, point 3: a file that cannot be written (a full disk, a folder in the way) never ends a run as if
 * all went well. The runner keeps one line per failure (the file and the cause) in the outcome, keeps
 * every variant's results, and leaves no empty {@code error.txt} nor temporary file behind.
 */
class WriteFailureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static Variant variant(String name, long seed) {
        Map<String, String> m = new TreeMap<>();
        m.put("dataset", "tiny");
        return new Variant(name, Settings.of(m), seed);
    }

    /** A reporter whose page cannot be written: what the HTML reporter meets on a full disk. */
    private static ReporterFactory fullDiskReporter() {
        return new ReporterFactory() {
            @Override public String id() { return "pages"; }
            @Override public String description() { return "cannot write its page"; }
            @Override public EventSubscriber create(ReportContext context) {
                return new EventSubscriber() {
                    @Override public void onEvent(Event event) throws IOException {
                        if (event instanceof ExperimentCompleted) {
                            throw new IOException("cannot write " + context.runDirectory().resolve("comparison.html")
                                    + ": No space left on device");
                        }
                    }
                    @Override public boolean asynchronous() { return true; }
                };
            }
        };
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedInTheOutcomeAndTheResultsAreKept(@TempDir Path out) throws Exception {
        FixtureReporter healthy = new FixtureReporter(false);
        PluginRegistry registry = PluginRegistry.of(List.of(
                FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt"), healthy, fullDiskReporter()),
                FixturePlugin.pipeline()));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", List.of(variant("a", 1), variant("b", 2))), new RunOptions(out, 1, false),
                        List.of());

        assertThat(outcome.status()).containsEntry("a", RunStatus.COMPLETED).containsEntry("b", RunStatus.COMPLETED);
        assertThat(outcome.allSucceeded()).isTrue();
        assertThat(outcome.allWritten()).isFalse();
        assertThat(outcome.writeFailures()).singleElement().asString()
                .startsWith("report 'pages' failed on ExperimentCompleted of experiment 'exp': cannot write ")
                .endsWith("comparison.html: No space left on device")
                .doesNotContain("\n").doesNotContain("IOException");
        // the other reporter and the run's own files are whole
        assertThat(healthy.events.getLast()).isInstanceOf(ExperimentCompleted.class);
        assertThat(outcome.runDirectory().resolve("experiment.json")).content().contains("\"COMPLETED\"");
        assertThat(outcome.runDirectory().resolve("events.jsonl")).content().contains("ExperimentCompleted");
    }

    @Test
    void aRunWhoseFilesAreAllWrittenHasNoWriteFailures(@TempDir Path out) {
        PluginRegistry registry = PluginRegistry.of(List.of(
                FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt"), new FixtureReporter(true)),
                FixturePlugin.pipeline()));
        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", List.of(variant("a", 1))), new RunOptions(out, 1, false), List.of());
        assertThat(outcome.allWritten()).isTrue();
        assertThat(outcome.writeFailures()).isEmpty();
    }

    @Test
    void anErrorFileThatCannotBeWrittenLeavesNoEmptyOrTemporaryFileAndIsNamed(@TempDir Path out) throws Exception {
        // the variant's failure is recorded; its error.txt is blocked by a folder of that name (as root, a full
        // disk or a read-only folder cannot be made in a test; the write fails the same way, after creating a file)
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            Path blocker = ctx.store().directory().resolve("error.txt");
            Files.createDirectories(blocker.resolve("inside"));
            throw new IllegalStateException("cannot write checkpoint x: No space left on device");
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK)
                .run(new ExperimentPlan("exp", "", List.of(variant("a", 1))), new RunOptions(out, 1, false), List.of());

        assertThat(outcome.status()).containsEntry("a", RunStatus.FAILED);
        assertThat(outcome.failures().get("a")).contains("No space left on device");
        Path folder = outcome.runDirectory().resolve("a");
        assertThat(outcome.writeFailures()).singleElement().asString()
                .startsWith("cannot write " + folder.resolve("error.txt")).doesNotContain("\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".error.txt.tmp");
        }
        assertThat(folder.resolve("error.txt")).isDirectory();
    }

    @Test
    void aCheckpointThatCannotBeWrittenNamesItsFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        CheckpointStore full = new CheckpointStore(dir, stream -> new java.io.FilterOutputStream(stream) {
            private int left = 64;

            @Override
            public void write(int b) throws IOException {
                if (--left < 0) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }
        });
        Map<String, org.rnnlab.engine.Tensor> tensors = Map.of("model/w", org.rnnlab.engine.Tensor.zeros(64));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> full.write(new org.rnnlab.api.train.Checkpoint(3, Map.of(), tensors)))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write checkpoint " + dir.resolve("epoch-0003.ckpt") + ": No space left on device");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
