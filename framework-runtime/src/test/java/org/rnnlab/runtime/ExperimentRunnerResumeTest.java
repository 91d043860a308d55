package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.train.RunResult;

/** {@link ExperimentRunner#resume}: finished variants are kept, the others train again with resume set. */
class ExperimentRunnerResumeTest {

    @Test
    void resumeKeepsFinishedVariantsAndContinuesTheOthersWithTheRecordedSettings(@TempDir Path out) throws Exception {
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        Map<String, Boolean> resumed = new ConcurrentHashMap<>();
        Map<String, Settings> settings = new ConcurrentHashMap<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            resumed.put(ctx.variant(), ctx.resume());
            settings.put(ctx.variant(), ctx.settings());
            if (ctx.variant().equals("b") && firstAttempt.get()) {
                throw new IllegalStateException("stopped half-way");
            }
            ctx.bus().publish(new RunCompleted(ctx.experiment(), ctx.variant(), RunStatus.COMPLETED, Map.of(), Map.of(), 1));
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));
        ExperimentPlan plan = new ExperimentPlan("toy", "a toy", List.of(
                new Variant("a", Settings.of(Map.of("dataset", "tiny", "hidden", "8")), 1),
                new Variant("b", Settings.of(Map.of("dataset", "tiny", "hidden", "16")), 2)));
        ExperimentOutcome first = new ExperimentRunner(registry).run(plan, new RunOptions(out, 1, false), List.of());
        assertThat(first.status()).containsEntry("a", RunStatus.COMPLETED).containsEntry("b", RunStatus.FAILED);
        assertThat(resumed).containsEntry("a", false).containsEntry("b", false);

        firstAttempt.set(false);
        resumed.clear();
        RecordedRun recorded = RecordedRun.read(first.runDirectory());
        assertThat(recorded.experiment()).isEqualTo("toy");
        assertThat(recorded.variants()).extracting(RecordedRun.Entry::finished).containsExactly(true, false);
        ExperimentOutcome second = new ExperimentRunner(registry).resume(recorded, new RunOptions(out, 1, false), List.of());

        assertThat(second.runDirectory()).isEqualTo(first.runDirectory());
        assertThat(second.status()).containsExactly(Map.entry("a", RunStatus.COMPLETED), Map.entry("b", RunStatus.COMPLETED));
        assertThat(resumed).containsExactly(Map.entry("b", true)); // a is not trained again
        assertThat(settings.get("b").values()).containsEntry("hidden", "16");
        JsonNode json = new ObjectMapper().readTree(first.runDirectory().resolve("experiment.json").toFile());
        assertThat(json.get("status").get("b").asText()).isEqualTo("COMPLETED");
        assertThat(json.has("failures")).isFalse();
        assertThat(json.get("resumes")).hasSize(1);
    }

    @Test
    void aRunFolderIsLockedWhileWrittenAndASecondResumeIsRefusedNamingTheHolder(@TempDir Path out) throws Exception {
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        Map<String, String> refusals = new ConcurrentHashMap<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            // while the run writes, its folder is locked: a resume of it now must be refused
            Path runFolder = ctx.store().directory().getParent();
            try (RunFolderLock probe = RunFolderLock.acquire(runFolder, "probe")) {
                refusals.put(ctx.variant(), "not refused");
            } catch (RnnlabException e) {
                refusals.put(ctx.variant(), e.getMessage());
            }
            if (firstAttempt.get()) {
                throw new IllegalStateException("stopped half-way");
            }
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));
        ExperimentPlan plan = new ExperimentPlan("toy", "a toy",
                List.of(new Variant("a", Settings.of(Map.of("dataset", "tiny", "hidden", "8")), 1)));
        ExperimentOutcome first = new ExperimentRunner(registry).run(plan, new RunOptions(out, 1, false), List.of());
        assertThat(refusals.get("a")).contains("is in use by process " + ProcessHandle.current().pid())
                .contains("(lab run toy, since");
        Path runFolder = first.runDirectory();
        String before = Files.readString(runFolder.resolve("experiment.json"));

        firstAttempt.set(false);
        refusals.clear();
        RecordedRun recorded = RecordedRun.read(runFolder);
        try (RunFolderLock holder = RunFolderLock.acquire(runFolder, "lab run toy --resume")) {
            assertThatThrownBy(() -> new ExperimentRunner(registry).resume(recorded, new RunOptions(out, 1, false), List.of()))
                    .isInstanceOf(RnnlabException.class)
                    .hasMessageContaining("run folder " + runFolder + " is in use by process " + ProcessHandle.current().pid())
                    .hasMessageContaining("lab run toy --resume");
        }
        // the refused resume wrote nothing and trained nothing
        assertThat(Files.readString(runFolder.resolve("experiment.json"))).isEqualTo(before);
        assertThat(refusals).isEmpty();

        // the first run released its lock at its end, and so did the holder above: this resume goes ahead
        ExperimentOutcome second = new ExperimentRunner(registry).resume(recorded, new RunOptions(out, 1, false), List.of());
        assertThat(second.status()).containsEntry("a", RunStatus.COMPLETED);
        assertThat(refusals.get("a")).contains("lab run toy --resume");
        // and released at its end too
        try (RunFolderLock after = RunFolderLock.acquire(runFolder, "lab run toy --resume")) {
            assertThat(runFolder.resolve(RunFolderLock.FILE)).content().contains("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aFolderThatIsNoRunIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RecordedRun.read(dir.resolve("nope")))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("run directory not found");
        assertThatThrownBy(() -> RecordedRun.read(dir))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("is not a run directory");
        Files.writeString(dir.resolve("experiment.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> RecordedRun.read(dir))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("is not the record of a run");
    }
}
