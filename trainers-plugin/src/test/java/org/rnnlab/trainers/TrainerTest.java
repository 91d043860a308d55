package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.runtime.VariantPipeline;

/** The trainers end to end on small generated and shipped datasets. */
class TrainerTest {
    @TempDir
    Path dir;

    static RunResult train(String trainer, Map<String, String> settings, Path runDir, RecordingBus bus, boolean resume)
            throws Exception {
        // the runtime's pipeline prepares data, model and optimiser, as for every variant of an experiment
        Map<String, String> withTrainer = new HashMap<>(settings);
        withTrainer.put("trainer", trainer);
        return new VariantPipeline(new TestComponents()).run("test", new Variant("v", Settings.of(withTrainer), 42), runDir,
                bus, resume);
    }

    static Map<String, String> adding(String cell, int epochs) {
        Map<String, String> s = new HashMap<>();
        s.put("dataset", "adding");
        s.put("dataset.length", "8");
        s.put("dataset.count", "64");
        s.put("dataset.validation", "32");
        s.put("dataset.test", "32");
        s.put("cell", cell);
        s.put("hidden", "8");
        s.put("epochs", Integer.toString(epochs));
        s.put("batch", "16");
        s.put("lr", "0.01");
        s.put("clip", "1");
        return s;
    }

    @Test
    void regressionRunPublishesEveryEventAndWritesTheModel() throws Exception {
        RecordingBus bus = new RecordingBus();
        RunResult result = train("bptt", adding("gru", 2), dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bus.events.getFirst()).isInstanceOf(RunStarted.class);
        assertThat(bus.events.getLast()).isInstanceOf(RunCompleted.class);
        assertThat(bus.of(BatchCompleted.class)).hasSize(8);
        assertThat(bus.of(EpochCompleted.class)).hasSize(2);
        EpochCompleted e = bus.of(EpochCompleted.class).getLast();
        assertThat(e.metrics()).containsKeys("train.loss", "val.loss", "val.mse");
        assertThat(e.timings()).containsKeys("time.epoch_seconds", "time.tokens_per_second");
        GradientStats g = bus.of(GradientStats.class).getFirst();
        assertThat(g.flow()).hasSize(8);
        assertThat(g.parameterNorms()).containsKeys("weight_ih_l0", "weight_hh_l0", "head.weight", "head.bias");
        assertThat(g.globalNorm()).isPositive();
        assertThat(bus.of(Checkpointed.class)).hasSize(2);
        assertThat(result.finalMetrics()).containsKeys("test.mse", "val.mse");
        assertThat(dir.resolve("model.safetensors")).exists();
        assertThat(org.rnnlab.engine.Safetensors.read(dir.resolve("model.safetensors")).tensors())
                .containsKeys("weight_ih_l0", "head.weight");
    }

    @Test
    void classifierReportsTribuoMetricsAndConfusion() throws Exception {
        RecordingBus bus = new RecordingBus();
        Map<String, String> s = new HashMap<>(Map.of("dataset", "order", "dataset.length", "6", "dataset.count", "64",
                "dataset.validation", "20", "dataset.test", "20", "tokenizer", "word", "cell", "lstm", "hidden", "8",
                "epochs", "1", "batch", "16"));
        s.put("embedding", "4");
        RunResult result = train("bptt", s, dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bus.of(EpochCompleted.class).getFirst().metrics()).containsKeys("val.accuracy", "val.f1_macro");
        Evaluation ev = bus.of(Evaluation.class).getFirst();
        assertThat(ev.labels()).containsExactly("a-first", "b-first");
        long total = 0;
        for (long[] row : ev.counts()) {
            for (long c : row) {
                total += c;
            }
        }
        assertThat(total).isEqualTo(20);
        assertThat(result.finalMetrics()).containsKeys("test.accuracy", "test.f1_macro");
        assertThat(dir.resolve("vocabulary.txt")).exists();
    }

    @Test
    void languageModelSamplesAndReportsPerplexity() throws Exception {
        RecordingBus bus = new RecordingBus();
        Map<String, String> s = Map.of("dataset", "hello", "tokenizer", "character", "cell", "gru", "hidden", "16",
                "embedding", "0", "epochs", "30", "batch", "1", "lr", "0.05", "samples", "3", "temperature", "0.5");
        RunResult result = train("tbptt", new HashMap<>(Map.of("tbptt.k", "3")) {{ putAll(s); }}, dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        EpochCompleted last = bus.of(EpochCompleted.class).getLast();
        assertThat(last.metrics()).containsKeys("val.nats_per_token", "val.perplexity", "val.accuracy");
        // "hello" learnt by heart: after 30 epochs the next character is nearly certain.
        assertThat(last.metrics().get("val.perplexity")).isLessThan(2.0);
        Samples samples = bus.of(Samples.class).getLast();
        assertThat(samples.samples()).hasSize(3);
        assertThat(samples.novelShare()).isBetween(0.0, 1.0);
    }

    static Map<String, String> hello(String lr) {
        return new HashMap<>(Map.of("dataset", "hello", "tokenizer", "character", "cell", "gru", "hidden", "16",
                "embedding", "0", "epochs", "5", "batch", "1", "lr", lr, "samples", "0"));
    }

    @Test
    void aLossFarAboveAUniformGuessEndsTheRunDiverged() throws Exception {
        // lr=1e3 once ended COMPLETED at a loss of 2069 with validation perplexity Infinity: never NaN, so unnoticed
        RecordingBus bus = new RecordingBus();
        RunResult result = train("bptt", hello("1e3"), dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.DIVERGED);
        RunDiverged diverged = bus.of(RunDiverged.class).getFirst();
        assertThat(diverged.reason()).contains("loss").contains("epoch " + diverged.epoch());
        assertThat(bus.of(RunCompleted.class).getLast().status()).isEqualTo(RunStatus.DIVERGED);
    }

    @Test
    void theDivergenceFactorIsASetting() throws Exception {
        // at a sane learning rate the first epoch's loss is near ln K, far above 0.01 x ln K
        RecordingBus bus = new RecordingBus();
        Map<String, String> s = hello("0.05");
        s.put("divergence.factor", "0.01");
        RunResult result = train("bptt", s, dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.DIVERGED);
        RunDiverged diverged = bus.of(RunDiverged.class).getFirst();
        assertThat(diverged.epoch()).isEqualTo(1);
        assertThat(diverged.reason()).contains("train loss").contains("in epoch 1").contains("0.01 times");

        RecordingBus sane = new RecordingBus();
        Map<String, String> byDefault = hello("0.05");
        assertThat(train("bptt", byDefault, dir.resolve("sane"), sane, false).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sane.of(RunDiverged.class)).isEmpty();
    }

    @Test
    void bagOfWordsClassifierReadsOneStepOfCounts() throws Exception {
        RecordingBus bus = new RecordingBus();
        Map<String, String> s = new HashMap<>(Map.of("dataset", "order", "dataset.length", "6", "dataset.count", "32",
                "dataset.validation", "16", "dataset.test", "0", "tokenizer", "bag-of-words", "cell", "dense",
                "hidden", "4", "epochs", "1", "batch", "8"));
        RunResult result = train("bptt", s, dir, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bus.of(GradientStats.class).getFirst().flow()).hasSize(1);
    }

    @Test
    void earlyStoppingEndsARunThatStopsImproving() throws Exception {
        RecordingBus bus = new RecordingBus();
        Map<String, String> s = adding("gru", 20);
        // Step decay with gamma 0: after epoch 1 the rate is 0, so val.mse can no longer improve.
        s.put("schedule", "step");
        s.put("schedule.step_epochs", "1");
        s.put("schedule.gamma", "0");
        s.put("early_stopping.patience", "2");
        s.put("early_stopping.metric", "val.mse");
        RunResult result = train("bptt", s, dir, bus, false);
        // Epochs 2 and 3 do not improve on epoch 1: a patience of 2 stops after epoch 3.
        assertThat(result.status()).isEqualTo(RunStatus.STOPPED_EARLY);
        assertThat(bus.of(EpochCompleted.class)).hasSize(3);
        assertThat(result.bestMetrics().get("val.mse")).isEqualTo(bus.of(EpochCompleted.class).get(0).metrics().get("val.mse"));
    }

    @Test
    void truncationCarriesTheStateButCutsTheGradient() throws Exception {
        RecordingBus full = new RecordingBus();
        RecordingBus cut = new RecordingBus();
        train("bptt", adding("lstm", 1), dir.resolve("full"), full, false);
        Map<String, String> s = adding("lstm", 1);
        s.put("tbptt.k", "3");
        train("tbptt", s, dir.resolve("cut"), cut, false);
        // Same weights before the first update and the state carried across chunks: the same first loss.
        assertThat(cut.of(BatchCompleted.class).getFirst().loss()).isEqualTo(full.of(BatchCompleted.class).getFirst().loss());
        // The gradient reaches back only through the last chunk (8 steps in chunks of 3, 3, 2).
        assertThat(cut.of(GradientStats.class).getFirst().flow()).hasSize(2);
        assertThat(full.of(GradientStats.class).getFirst().flow()).hasSize(8);
    }

    @Test
    void badSettingsAreAllNamedAtOnce() {
        // the trainer's own; an experiment's settings are all checked together before any variant starts
        // (SettingsValidationTest, SettingsIT)
        Map<String, String> s = adding("gru", 1);
        s.put("clip", "-1");
        s.put("batch", "x");
        assertThatThrownBy(() -> train("bptt", s, dir, new RecordingBus(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("2 problems:\n  - setting 'batch' must be an integer but was 'x'"
                        + "\n  - setting 'clip' must not be negative but was '-1'");
    }

    @Test
    void unknownCellListsTheKnownOnes() {
        Map<String, String> s = adding("lstn", 1);
        assertThatThrownBy(() -> train("bptt", s, dir, new RecordingBus(), false))
                .hasMessageContaining("'lstn'").hasMessageContaining("lstm");
    }

    static byte[] modelBytes(Path runDir) throws Exception {
        return Files.readAllBytes(runDir.resolve("model.safetensors"));
    }

    static List<Map<String, Double>> metrics(RecordingBus bus) {
        return bus.of(EpochCompleted.class).stream().map(EpochCompleted::metrics).toList();
    }
}
