package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.PoolCounters;

/**
 * The fused sequence kernels split a pass through time over the kernel threads: by batch rows, each thread
 * running every step for its rows (32 and 20 rows: 5 blocks of 4, cut unevenly over 2 and 3 threads), or,
 * with fewer rows or with step norms, each time step by hidden units (the step's recurrent product and its
 * gates in one pass, the backward's product fused with the previous step's gates). Every output, final
 * state, input gradient and step-gradient norm must keep the one-thread bits, with padding and without, and
 * the split must really happen (the pool's hand-offs are counted). 368 units
 * are 23 blocks of 16, cut unevenly.
 */
class SplitStepsTest {
    private static final int STEPS = 4;
    private static final int INPUT = 24;
    // 32 x 368 x 368 = 4.3 M multiply-adds a step for the rnn: above KernelThreads.SPLIT_MIN_WORK, so with step norms
    // (split by units) the steps of every cell at 32 rows split; at 12 rows those of the lstm and gru
    private static final int HIDDEN = 368;

    @AfterEach
    void oneThreadAgain() {
        KernelThreads.use(1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String cell : FusedSequences.SPLITTING) {
            for (boolean masked : new boolean[] {false, true}) {
                for (boolean norms : new boolean[] {false, true}) {
                    for (int batch : new int[] {32, 20, 12}) {
                        out.add(Arguments.of(cell, masked, norms, batch));
                    }
                }
            }
        }
        return out.stream();
    }

    private static SequenceOp op(String cell, boolean masked, double[] norms, int batch) {
        return FusedSequences.of(cell, STEPS, batch, INPUT, HIDDEN, masked, norms);
    }

    /** Outputs, then input gradients, then the step norms, as raw bits, after one forward and backward. */
    private static List<int[]> run(String cell, boolean masked, boolean withNorms, int batch, int threads) {
        KernelThreads.use(threads);
        double[] norms = withNorms ? new double[STEPS] : null;
        SequenceOp op = op(cell, masked, norms, batch);
        SplittableRandom random = new SplittableRandom(16);
        int[][] params = op.parameterShapes();
        int states = op.stateCount;
        List<Tensor> in = new ArrayList<>();
        in.add(TensorSamples.random(random, 0.4f, STEPS * batch, INPUT));
        for (int s = 0; s < states; s++) {
            in.add(TensorSamples.random(random, 0.4f, batch, HIDDEN));
        }
        if (masked) {
            float[] mask = new float[STEPS * batch];
            for (int r = 0; r < mask.length; r++) {
                mask[r] = r % 5 == 3 ? 0f : 1f;
            }
            in.add(Tensor.of(mask, STEPS * batch));
        }
        for (int[] shape : params) {
            in.add(TensorSamples.random(random, 0.4f, shape));
        }
        Tensor[] inputs = in.toArray(Tensor[]::new);
        int[][] outShapes = op.outputShapes(inputs);
        Tensor[] outputs = new Tensor[outShapes.length];
        Tensor[] gradOut = new Tensor[outShapes.length];
        for (int o = 0; o < outShapes.length; o++) {
            outputs[o] = Tensor.zeros(outShapes[o]);
            gradOut[o] = TensorSamples.random(random, 0.4f, outShapes[o]);
        }
        Tensor[] gradIn = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!(masked && i == 1 + states)) {
                gradIn[i] = Tensor.zeros(inputs[i].shape());
            }
        }
        Workspace ws = new Workspace();
        PoolCounters before = KernelThreads.counters();
        op.forward(inputs, outputs, ws);
        op.backward(inputs, outputs, gradOut, gradIn, ws);
        PoolCounters used = KernelThreads.counters().since(before);
        if (threads > 1 && op.splitsRows() && !withNorms) {
            // forward and backward are a split pass each (which thread runs which part is the pool's choice)
            assertThat(used.handOffs()).as("hand-offs to the pool").isGreaterThanOrEqualTo(2L);
        } else if (threads > 1 && (long) batch * op.parameterShapes()[1][0] * HIDDEN >= KernelThreads.SPLIT_MIN_WORK) {
            // every step forward and backward is a split pass, besides the products of all steps
            assertThat(used.handOffs()).as("hand-offs to the pool").isGreaterThanOrEqualTo(2L * STEPS);
        }
        List<int[]> bits = new ArrayList<>();
        for (Tensor t : outputs) {
            bits.add(TensorSamples.bitsOf(t));
        }
        for (Tensor t : gradIn) {
            if (t != null) {
                bits.add(TensorSamples.bitsOf(t));
            }
        }
        if (norms != null) {
            int[] nb = new int[2 * STEPS];
            for (int t = 0; t < STEPS; t++) {
                long b = Double.doubleToRawLongBits(norms[t]);
                nb[2 * t] = (int) (b >>> 32);
                nb[2 * t + 1] = (int) b;
            }
            bits.add(nb);
        }
        KernelThreads.use(1);
        return bits;
    }

    @ParameterizedTest(name = "{0} masked={1} norms={2} batch={3}")
    @MethodSource("cases")
    void twoAndThreeThreadsGiveTheOneThreadBits(String cell, boolean masked, boolean norms, int batch) {
        List<int[]> one = run(cell, masked, norms, batch, 1);
        for (int threads = 2; threads <= 3; threads++) {
            List<int[]> more = run(cell, masked, norms, batch, threads);
            assertThat(more).hasSameSizeAs(one);
            for (int i = 0; i < one.size(); i++) {
                assertThat(more.get(i)).as(threads + " threads: output or gradient " + i).isEqualTo(one.get(i));
            }
        }
        // the gradients are not all zero: the comparison compares something
        assertThat(one.get(one.size() - 1)).isNotEqualTo(new int[one.get(one.size() - 1).length]);
    }
}
