package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.NextTokenBatch;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;

/** {@link SequenceModel}: padding stays out of losses, metrics and gradients. */
class SequenceModelTest {
    private static final int VOCAB = 9;

    private static SequenceModel model(TaskKind kind, int outputs, int embedding) {
        ModelSpec spec = new ModelSpec(kind, true, VOCAB, embedding, outputs, "gru", 6, 2, Map.of(), true);
        return SequenceModel.create(new TestComponents().get(ComponentKind.CELL, "gru"), spec, new SplittableRandom(3));
    }

    @Test
    void languageModelLossOfAPaddedBatchIsTheSumOverItsSequences() {
        SequenceModel m = model(TaskKind.LANGUAGE_MODELLING, VOCAB, 0);
        int[] shortOne = {4, 5};
        int[] longOne = {6, 7, 8, 4, 5, 6};
        SequenceModel.Predictions both = m.evaluate(lm(List.of(shortOne, longOne)), List.of());
        SequenceModel.Predictions a = m.evaluate(lm(List.of(shortOne)), List.of());
        SequenceModel.Predictions b = m.evaluate(lm(List.of(longOne)), List.of());
        assertThat(both.terms()).isEqualTo(3 + 7);
        // float32 losses summed in another grouping: 1e-5 relative.
        assertThat(both.lossSum()).isCloseTo(a.lossSum() + b.lossSum(), within(1e-5 * both.lossSum()));
        assertThat(both.actual()).hasSize(10);
    }

    @Test
    void classifierReadsEachSequencesLastRealStep() {
        SequenceModel m = model(TaskKind.SEQUENCE_CLASSIFICATION, 3, 4);
        int[] shortOne = {4, 5};
        int[] longOne = {6, 7, 8, 4, 5, 6};
        ModelBatch both = new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(List.of(shortOne, longOne))),
                new Targets.SequenceClasses(new int[] {1, 2}));
        ModelBatch alone = new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(List.of(shortOne))),
                new Targets.SequenceClasses(new int[] {1}));
        SequenceModel.Predictions p = m.evaluate(both, List.of());
        SequenceModel.Predictions q = m.evaluate(alone, List.of());
        SequenceModel.Predictions r = m.evaluate(new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(List.of(longOne))),
                new Targets.SequenceClasses(new int[] {2})), List.of());
        assertThat(p.lossSum()).isCloseTo(q.lossSum() + r.lossSum(), within(1e-5));
        assertThat(p.predicted()[0]).isEqualTo(q.predicted()[0]);
    }

    @Test
    void gradientsOfPaddedStepsAreZeroInTheEmbedding() {
        SequenceModel m = model(TaskKind.LANGUAGE_MODELLING, VOCAB, 4);
        // Token 8 appears only in the padded tail's position of the batch layout, never as a real input.
        m.trainStep(lm(List.of(new int[] {4}, new int[] {5, 6, 7})), List.of(), null, false);
        float[] grad = m.parameters().getFirst().grad().toArray();
        for (int d = 0; d < 4; d++) {
            assertThat(grad[8 * 4 + d]).isZero();
            assertThat(grad[0 * 4 + d]).as("<pad> row").isZero();
        }
    }

    private static ModelBatch lm(List<int[]> sequences) {
        NextTokenBatch b = NextTokenBatch.of(sequences);
        return new ModelBatch(new ModelInput.Ids(b.inputs()), new Targets.StepClasses(b.targets().ids()));
    }
}
