package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.embedding.Word2VecSgd.Architecture;

/**
 * The fast training steps against the losses checked against PyTorch ({@link SkipGramLoss}, {@link CbowLoss}):
 * one step on one example moves every row by {@code -lr} times that loss's gradient on a batch of that example
 * (negatives distinct and unlike the target, so that no row moves twice within the step). Tolerance 1e-6
 * absolute on rows of order 1 with lr 0.5: the step runs in float32 (a few ulps, 1e-7), while a row updated
 * with a moved context row or a missing term is off by 1e-3 or more. And the loss it reports is the loss's.
 */
class Word2VecSgdTest {
    private static final int V = 12;
    private static final int E = 19;
    private static final float LR = 0.5f;

    private static Tensor table(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(V, E);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-1, 1);
        }
        return t;
    }

    private static Word2VecSgd sgd(Architecture a, Tensor in, Tensor out, long seed) {
        long[] counts = new long[V];
        for (int i = 0; i < V; i++) {
            counts[i] = 1 + i * 3L;
        }
        return new Word2VecSgd(a, in, out, 2, 3, new NegativeSampler(counts), new FrequentWordSubsampling(counts, 1e-2),
                new SplittableRandom(seed));
    }

    @Test
    void aSkipGramStepIsTheLossGradientStep() {
        Tensor in = table(1);
        Tensor out = table(2);
        Tensor gIn = Tensor.zeros(V, E);
        Tensor gOut = Tensor.zeros(V, E);
        int[] negatives = {7, 0, 9};
        double loss = SkipGramLoss.lossAndGradients(new int[] {3}, new int[] {5}, negatives, 3, in, out, gIn, gOut);
        Tensor in2 = in.copy();
        Tensor out2 = out.copy();
        Word2VecSgd sgd = sgd(Architecture.SKIP_GRAM, in2, out2, 1);
        sgd.skipGramStep(3, 5, negatives, LR);
        assertMovedBy(in, in2, gIn, "input");
        assertMovedBy(out, out2, gOut, "output");
        assertThat(sgd.lossSum()).isCloseTo(loss, within(1e-6));
        assertThat(sgd.steps()).isEqualTo(1);
    }

    @Test
    void aCbowStepIsTheLossGradientStep() {
        Tensor in = table(3);
        Tensor out = table(4);
        Tensor gIn = Tensor.zeros(V, E);
        Tensor gOut = Tensor.zeros(V, E);
        int[] negatives = {8, 1, 11};
        int[] sentence = {2, 6, 4, 10};
        double loss = CbowLoss.lossAndGradients(new int[] {2, 6, 10}, new int[] {0, 3}, new int[] {4}, negatives, 3,
                in, out, gIn, gOut);
        Tensor in2 = in.copy();
        Tensor out2 = out.copy();
        Word2VecSgd sgd = sgd(Architecture.CBOW, in2, out2, 1);
        sgd.cbowStep(sentence, 0, 4, 2, negatives, LR);
        assertMovedBy(in, in2, gIn, "input");
        assertMovedBy(out, out2, gOut, "output");
        assertThat(sgd.lossSum()).isCloseTo(loss, within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameBitsAndAnotherSeedOthers() {
        int[] sentence = {1, 4, 4, 7, 0, 11, 3, 2, 9, 9, 5, 6, 8, 10};
        for (Architecture a : Architecture.values()) {
            float[][] runs = new float[3][];
            for (int run = 0; run < 3; run++) {
                Tensor in = table(5);
                Tensor out = table(6);
                Word2VecSgd sgd = sgd(a, in, out, run == 2 ? 8 : 7);
                for (int epoch = 0; epoch < 3; epoch++) {
                    sgd.sentence(sentence, 0.1f);
                }
                runs[run] = in.toArray();
                assertThat(sgd.steps()).as("%s steps", a).isPositive();
            }
            assertThat(runs[1]).as(a.name()).containsExactly(runs[0]);
            assertThat(runs[2]).as(a.name()).isNotEqualTo(runs[0]);
        }
    }

    /** {@code after = before - LR * grad}, element by element. */
    private static void assertMovedBy(Tensor before, Tensor after, Tensor grad, String what) {
        for (int i = 0; i < before.size(); i++) {
            double expected = before.data()[i] - LR * (double) grad.data()[i];
            assertThat((double) after.data()[i]).as("%s [%d]", what, i).isCloseTo(expected, within(1e-6));
        }
    }
}
