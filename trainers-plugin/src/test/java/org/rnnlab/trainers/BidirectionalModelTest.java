package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;
import org.rnnlab.api.train.Optimizer;

/** A {@link SequenceModel} with {@code bidirectional=true}: PyTorch's layout, and it reads the future. */
class BidirectionalModelTest {
    private static final int VOCAB = 6;

    private static SequenceModel model(TaskKind kind, int outputs, boolean bidirectional, long seed) {
        ModelSpec spec = new ModelSpec(kind, true, VOCAB, 8, outputs, "lstm", 16, 1, Map.of(), true, bidirectional);
        return SequenceModel.create(new TestComponents().get(ComponentKind.CELL, "lstm"), spec, new SplittableRandom(seed));
    }

    @Test
    void parametersFollowPyTorchAndTheHeadReadsBothDirections() {
        SequenceModel m = model(TaskKind.SEQUENCE_TAGGING, 3, true, 1);
        assertThat(m.namedValues().keySet()).containsExactly("embedding.weight", "weight_ih_l0", "weight_hh_l0",
                "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse",
                "bias_hh_l0_reverse", "head.weight", "head.bias");
        assertThat(m.namedValues().get("head.weight").shape()).containsExactly(3, 32);
        assertThat(m.stateCount()).isEqualTo(4);
    }

    /**
     * Tag each token with the token after it (the last with 0): only a model that reads ahead can. After the
     * same 150 Adam steps the bidirectional lstm tags (almost) every token right; the unidirectional one cannot
     * beat guessing the next of 6 tokens by much (accuracy near 1/6 plus the last position's fixed tag).
     */
    @Test
    void readsTheFutureThatAUnidirectionalModelCannotSee() {
        SplittableRandom data = new SplittableRandom(5);
        List<ModelBatch> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(nextTokenTagging(data, 16));
        }
        ModelBatch held = nextTokenTagging(new SplittableRandom(99), 64);
        double bi = accuracyAfterTraining(model(TaskKind.SEQUENCE_TAGGING, VOCAB, true, 2), batches, held);
        double uni = accuracyAfterTraining(model(TaskKind.SEQUENCE_TAGGING, VOCAB, false, 2), batches, held);
        assertThat(bi).isGreaterThan(0.95);
        assertThat(uni).isLessThan(0.45);
    }

    @Test
    void aBidirectionalClassifierReadsEachSequencesOwnEnds() {
        SequenceModel m = model(TaskKind.SEQUENCE_CLASSIFICATION, 3, true, 4);
        int[] shortOne = {4, 5};
        int[] longOne = {1, 2, 3, 4, 5, 1};
        SequenceModel.Predictions both = m.evaluate(classes(List.of(shortOne, longOne), 1, 2), List.of());
        SequenceModel.Predictions a = m.evaluate(classes(List.of(shortOne), 1), List.of());
        SequenceModel.Predictions b = m.evaluate(classes(List.of(longOne), 2), List.of());
        // the same float32 operations in another batch layout: 1e-5
        assertThat(both.lossSum()).isCloseTo(a.lossSum() + b.lossSum(), within(1e-5));
        assertThat(both.finalStates()).hasSize(4);
    }

    @Test
    void theSameSeedTrainsToTheSameWeights() {
        ModelBatch batch = nextTokenTagging(new SplittableRandom(1), 8);
        SequenceModel a = model(TaskKind.SEQUENCE_TAGGING, VOCAB, true, 7);
        SequenceModel b = model(TaskKind.SEQUENCE_TAGGING, VOCAB, true, 7);
        accuracyAfterTraining(a, List.of(batch), batch);
        accuracyAfterTraining(b, List.of(batch), batch);
        a.namedValues().forEach((name, t) -> assertThat(t.toArray()).as(name).isEqualTo(b.namedValues().get(name).toArray()));
    }

    private static double accuracyAfterTraining(SequenceModel m, List<ModelBatch> batches, ModelBatch held) {
        Optimizer adam = new TestComponents().get(ComponentKind.OPTIMIZER, "adam").create(Settings.of(Map.of()));
        for (int step = 0; step < 150; step++) {
            m.trainStep(batches.get(step % batches.size()), List.of(), null, false);
            adam.step(m.parameters(), 1e-2);
        }
        SequenceModel.Predictions p = m.evaluate(held, List.of());
        int right = 0;
        for (int i = 0; i < p.terms(); i++) {
            right += p.predicted()[i] == p.actual()[i] ? 1 : 0;
        }
        return right / (double) p.terms();
    }

    /** Sequences of 3 to 8 tokens in 1..5, each tagged with the next token (the last with 0), padded. */
    private static ModelBatch nextTokenTagging(SplittableRandom random, int count) {
        List<int[]> inputs = new ArrayList<>();
        List<int[]> tags = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int[] x = new int[random.nextInt(3, 9)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(1, VOCAB);
            }
            int[] y = new int[x.length];
            for (int i = 0; i + 1 < x.length; i++) {
                y[i] = x[i + 1];
            }
            inputs.add(x);
            tags.add(y);
        }
        return new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(inputs)),
                new Targets.StepClasses(PaddedIds.timeMajor(tags).ids()));
    }

    private static ModelBatch classes(List<int[]> sequences, int... labels) {
        return new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(sequences)), new Targets.SequenceClasses(labels));
    }
}
