package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.model.train.GradientClipping;

/**
 * {@link MultiLabelTask} on rolls that repeat one four-step progression: a gru learns the next chord, so
 * NLL per step falls and frame F1 rises; the model file round trip and sampling.
 */
class MultiLabelTaskTest {
    private static final int[][] PROGRESSION = {{48, 64, 67, 72}, {53, 65, 69, 72}, {55, 62, 67, 71}, {43, 59, 62, 67}};
    private final MultiLabelTask task = new MultiLabelTask();

    @Test
    void learnsARepeatedProgressionAndKeepsPaddingOut() {
        MultiLabelData data = (MultiLabelData) task.prepare(dataset(), Map.of());
        assertThat(data.outputs()).isEqualTo(88);
        assertThat(data.lengths("train")).contains(8, 12, 16);
        TaskModel model = task.build(data, new ModelRequest(Settings.of(Map.of("dataset", "progressions", "cell", "gru", "hidden", "16")), 3,
                new TestComponents()));
        TaskEvaluation before = task.evaluate(model, data, "validation", "val", 4);
        assertThat(before.metrics()).containsOnlyKeys("val.loss", "val.nll_per_step", "val.precision", "val.recall", "val.f1");
        // at the start every key is near probability 0.5: about 88 * ln 2 = 61 nats per step
        assertThat(before.metrics().get("val.nll_per_step")).isBetween(50.0, 75.0);
        Optimizer adam = new AdamOptimizer(0.9, 0.999, 1e-8, 0, false, false);
        for (int epoch = 0; epoch < 40; epoch++) {
            for (int i = 0; i < data.lengths("train").length; i += 2) {
                int[] picked = i + 1 < data.lengths("train").length ? new int[] {i, i + 1} : new int[] {i};
                int steps = 0;
                for (int p : picked) {
                    steps = Math.max(steps, data.lengths("train")[p]);
                }
                model.trainBatch(data, new Batch(picked, steps), Integer.MAX_VALUE, false, (loss, terms, flow) -> {
                    GradientClipping.clipGlobalNorm(model.parameters(), 5);
                    adam.step(model.parameters(), 1e-2);
                    return true;
                });
            }
        }
        TaskEvaluation after = task.evaluate(model, data, "validation", "val", 4);
        // the first chord of a roll cannot be known, every other one can: the NLL falls far below the start
        assertThat(after.metrics().get("val.nll_per_step")).isLessThan(8.0);
        // untrained, about half of all 88 keys are above 0.5 (F1 near 0.1); trained, most of the 4 sounding ones
        assertThat(after.metrics().get("val.f1")).isGreaterThan(0.3).isGreaterThan(before.metrics().get("val.f1") + 0.2);
        // a padded batch scores as the sum of its rolls: evaluated one by one or four at a time
        assertThat(task.evaluate(model, data, "validation", "val", 1).metrics().get("val.nll_per_step"))
                .isCloseTo(after.metrics().get("val.nll_per_step"), org.assertj.core.data.Offset.offset(1e-4));

        List<String> samples = task.samples(model, new SampleRequest(2, 1.0, 0, "", 8), new SplittableRandom(5));
        assertThat(samples).hasSize(2).allSatisfy(s -> assertThat(s.split(" ")).hasSize(8)
                .allMatch(step -> step.matches("-|\\d+(\\.\\d+)*")));
        assertThat(task.samples(model, new SampleRequest(2, 1.0, 0, "", 8), new SplittableRandom(5))).isEqualTo(samples);

        TaskModel again = task.rebuild(new ModelFile(Path.of("model.safetensors"), task.modelMetadata(data, model),
                model.namedValues()), new TestComponents());
        assertThat(task.evaluate(again, data, "validation", "val", 4).metrics()).isEqualTo(after.metrics());
    }

    @Test
    void theTextOfARollNamesItsNotesAndRests() {
        float[][] roll = new float[3][88];
        roll[0][60 - 21] = 1;
        roll[0][64 - 21] = 1;
        roll[2][21 - 21] = 1;
        assertThat(MultiLabelTask.text(roll)).isEqualTo("60.64 - 21");
    }

    @Test
    void acceptsOnlyMultiLabelDatasetsAndRefusesTextExamples() {
        assertThat(task.accepts(dataset())).isTrue();
        Dataset text = new Dataset("t", "t", TaskKind.MULTI_LABEL_SEQUENCE, List.of(TextExample.unlabelled("abc")), List.of(),
                List.of(), List.of(), Map.of());
        assertThatThrownBy(() -> task.prepare(text, Map.of())).hasMessageContaining("reads vector steps");
        assertThat(task.accepts(new Dataset("l", "l", TaskKind.LANGUAGE_MODELLING, List.of(TextExample.unlabelled("abc")),
                List.of(), List.of(), List.of(), Map.of()))).isFalse();
    }

    /** Rolls of 2, 3 or 4 rounds of the progression, starting at a random chord. */
    private static Dataset dataset() {
        SplittableRandom r = new SplittableRandom(11);
        List<List<Example>> splits = new ArrayList<>();
        for (int count : new int[] {12, 4, 0}) {
            List<Example> examples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int rounds = 2 + i % 3;
                int offset = r.nextInt(4);
                float[][] frames = new float[4 * rounds][88];
                for (int t = 0; t < frames.length; t++) {
                    for (int note : PROGRESSION[(t + offset) % 4]) {
                        frames[t][note - 21] = 1f;
                    }
                }
                examples.add(new VectorExample(frames, new float[0]));
            }
            splits.add(examples);
        }
        return new Dataset("progressions", "a repeated progression", TaskKind.MULTI_LABEL_SEQUENCE, splits.get(0), splits.get(1),
                splits.get(2), List.of(), Map.of());
    }
}
