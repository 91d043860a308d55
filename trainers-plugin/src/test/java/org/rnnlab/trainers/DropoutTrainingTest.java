package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.NextTokenBatch;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.model.Dropout;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;

/**
 * Dropout end to end: rates of 0 change no bit of a run, a run with dropout is the same bits under the
 * same seed, evaluation never drops, and the settings refuse rates outside [0, 1).
 */
class DropoutTrainingTest {
    @TempDir
    Path dir;

    private static Map<String, String> twoLayers() {
        Map<String, String> s = TrainerTest.adding("lstm", 2);
        s.put("layers", "2");
        return s;
    }

    @Test
    void ratesOfZeroChangeNoBitOfARun() throws Exception {
        RecordingBus plainBus = new RecordingBus();
        assertThat(TrainerTest.train("bptt", twoLayers(), dir.resolve("plain"), plainBus, false).status())
                .isEqualTo(RunStatus.COMPLETED);
        Map<String, String> zeros = twoLayers();
        zeros.putAll(Map.of("dropout.embedding", "0", "dropout.layers", "0.0", "dropout.output", "0"));
        RecordingBus zeroBus = new RecordingBus();
        TrainerTest.train("bptt", zeros, dir.resolve("zeros"), zeroBus, false);
        assertThat(TrainerTest.modelBytes(dir.resolve("zeros"))).isEqualTo(TrainerTest.modelBytes(dir.resolve("plain")));
        assertThat(TrainerTest.metrics(zeroBus).getLast()).containsAllEntriesOf(
                withoutTimes(TrainerTest.metrics(plainBus).getLast()));
    }

    @Test
    void aRunWithDropoutIsTheSameBitsUnderTheSameSeedAndDiffersFromOneWithout() throws Exception {
        Map<String, String> dropped = twoLayers();
        dropped.putAll(Map.of("dropout.embedding", "0.2", "dropout.layers", "0.3", "dropout.output", "0.25"));
        TrainerTest.train("bptt", dropped, dir.resolve("a"), new RecordingBus(), false);
        TrainerTest.train("bptt", dropped, dir.resolve("b"), new RecordingBus(), false);
        TrainerTest.train("bptt", twoLayers(), dir.resolve("plain"), new RecordingBus(), false);
        assertThat(TrainerTest.modelBytes(dir.resolve("b"))).isEqualTo(TrainerTest.modelBytes(dir.resolve("a")));
        assertThat(TrainerTest.modelBytes(dir.resolve("a"))).isNotEqualTo(TrainerTest.modelBytes(dir.resolve("plain")));
        // each position alone changes the run too: every one of them is wired
        for (String key : List.of("dropout.embedding", "dropout.layers", "dropout.output")) {
            Map<String, String> one = twoLayers();
            one.put(key, "0.3");
            TrainerTest.train("bptt", one, dir.resolve(key), new RecordingBus(), false);
            assertThat(TrainerTest.modelBytes(dir.resolve(key))).as(key)
                    .isNotEqualTo(TrainerTest.modelBytes(dir.resolve("plain")));
        }
    }

    @Test
    void evaluationAndGenerationNeverDrop() {
        ModelSpec spec = new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, 9, 4, 9, "gru", 6, 2, Map.of(), true);
        var gru = new TestComponents().get(ComponentKind.CELL, "gru");
        SequenceModel plain = SequenceModel.create(gru, spec, new SplittableRandom(3));
        SequenceModel dropped = SequenceModel.create(gru, spec, new SplittableRandom(3));
        dropped.useDropout(new Dropout(0.5, 0.5, 0.5), new SplittableRandom(4));
        NextTokenBatch b = NextTokenBatch.of(List.of(new int[] {4, 5, 6, 7}, new int[] {8, 4}));
        ModelBatch batch = new ModelBatch(new ModelInput.Ids(b.inputs()), new Targets.StepClasses(b.targets().ids()));

        assertThat(dropped.evaluate(batch, List.of()).lossSum()).isEqualTo(plain.evaluate(batch, List.of()).lossSum());
        assertThat(dropped.nextLogits(5, new java.util.ArrayList<>())).isEqualTo(plain.nextLogits(5, new java.util.ArrayList<>()));
        // a training step does drop: its loss differs from the plain model's, and two steps draw two masks
        double plainLoss = plain.trainStep(batch, List.of(), null, false).loss();
        double first = dropped.trainStep(batch, List.of(), null, false).loss();
        double second = dropped.trainStep(batch, List.of(), null, false).loss();
        assertThat(first).isNotEqualTo(plainLoss);
        assertThat(second).isNotEqualTo(first);
        // and evaluation after it still sees every unit (the weights were not changed: no optimiser step ran)
        assertThat(dropped.evaluate(batch, List.of()).lossSum()).isEqualTo(plain.evaluate(batch, List.of()).lossSum());
    }

    @Test
    void ratesOutsideZeroToOneAreRefusedBeforeAnyRun() {
        var schema = SequenceTask.LANGUAGE_MODELLING.settings();
        assertThat(schema.validateValues(Settings.of(Map.of("dropout.layers", "1"))).getError())
                .anySatisfy(p -> assertThat(p).contains("dropout.layers").contains("[0, 1)"));
        assertThat(schema.validateValues(Settings.of(Map.of("dropout.output", "-0.1"))).getError())
                .anySatisfy(p -> assertThat(p).contains("dropout.output"));
        assertThat(schema.validateValues(Settings.of(Map.of("dropout.embedding", "0.5"))).isValid()).isTrue();
        assertThat(SequenceTask.TAGGING.settings().names()).contains("dropout.embedding", "dropout.layers", "dropout.output");
        assertThat(new MultiLabelTask().settings().names()).contains("dropout.layers");
    }

    @Test
    void theEncoderDecoderRefusesDropoutItDoesNotHave() {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "dates", "dataset.count", "40", "dataset.validation", "5",
                "dataset.test", "5", "cell", "gru", "hidden", "4", "epochs", "1", "dropout.layers", "0.2"));
        assertThatThrownBy(() -> TrainerTest.train("bptt", s, dir.resolve("pairs"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dropout")
                .hasMessageContaining("sequence-to-sequence");
    }

    private static Map<String, Double> withoutTimes(Map<String, Double> metrics) {
        Map<String, Double> out = new HashMap<>(metrics);
        out.keySet().removeIf(k -> k.startsWith("time."));
        return out;
    }
}
