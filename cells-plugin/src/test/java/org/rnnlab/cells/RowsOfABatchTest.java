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

/**
 * The rows of a batch never meet inside a recurrence, so each row of a batch's outputs, final states and
 * input and initial-state gradients must have the bits that row gets when it runs alone. A batch of 20 runs
 * its passes through time split by rows ({@link SequenceOp#splitsRows}), a batch of one by units, step after
 * step: this compares the two ways against each other, on one thread and on two, with padding and without.
 */
class RowsOfABatchTest {
    private static final int STEPS = 5;
    private static final int BATCH = 20;
    private static final int INPUT = 12;
    private static final int HIDDEN = 48;

    @AfterEach
    void oneThreadAgain() {
        KernelThreads.use(1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String cell : FusedSequences.SPLITTING) {
            for (boolean masked : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 2}) {
                    out.add(Arguments.of(cell, masked, threads));
                }
            }
        }
        return out.stream();
    }

    private static SequenceOp op(String cell, boolean masked, int batch) {
        return FusedSequences.of(cell, STEPS, batch, INPUT, HIDDEN, masked, null);
    }

    /** The inputs and output gradients of one forward and backward, and what it gave. */
    private record Run(Tensor[] in, Tensor[] gradOut, Tensor[] out, Tensor[] gradIn) {}

    private static Run run(SequenceOp op, Tensor[] in, Tensor[] gradOut) {
        int[][] shapes = op.outputShapes(in);
        Tensor[] out = new Tensor[shapes.length];
        for (int o = 0; o < shapes.length; o++) {
            out[o] = Tensor.zeros(shapes[o]);
        }
        Tensor[] gradIn = new Tensor[in.length];
        for (int i = 0; i <= op.stateCount; i++) {
            gradIn[i] = Tensor.zeros(in[i].shape());
        }
        Workspace ws = new Workspace();
        op.forward(in, out, ws);
        op.backward(in, out, gradOut, gradIn, ws);
        return new Run(in, gradOut, out, gradIn);
    }

    /** Row {@code b} of each step of a {@code [T*B, width]} tensor, as {@code [T, width]}. */
    private static Tensor stepRows(Tensor t, int b) {
        int width = t.size() / (STEPS * BATCH);
        float[] v = new float[STEPS * width];
        for (int s = 0; s < STEPS; s++) {
            System.arraycopy(t.data(), t.offset() + (s * BATCH + b) * width, v, s * width, width);
        }
        return Tensor.of(v, STEPS, width);
    }

    /** Row {@code b} of a {@code [B, width]} tensor, as {@code [1, width]}. */
    private static Tensor row(Tensor t, int b) {
        int width = t.size() / BATCH;
        float[] v = new float[width];
        System.arraycopy(t.data(), t.offset() + b * width, v, 0, width);
        return Tensor.of(v, 1, width);
    }

    @ParameterizedTest(name = "{0} masked={1} threads={2}")
    @MethodSource("cases")
    void everyRowHasTheBitsItGetsAlone(String cell, boolean masked, int threads) {
        SequenceOp whole = op(cell, masked, BATCH);
        assertThat(whole.splitsRows()).as("a batch of %d is split by rows", BATCH).isTrue();
        assertThat(op(cell, masked, 1).splitsRows()).as("a batch of one is split by units").isFalse();
        SplittableRandom random = new SplittableRandom(20);
        int states = whole.stateCount;
        List<Tensor> in = new ArrayList<>();
        in.add(TensorSamples.random(random, 0.8f, STEPS * BATCH, INPUT));
        for (int s = 0; s < states; s++) {
            in.add(TensorSamples.random(random, 0.8f, BATCH, HIDDEN));
        }
        if (masked) {
            float[] mask = new float[STEPS * BATCH];
            for (int r = 0; r < mask.length; r++) {
                mask[r] = r % 7 == 2 ? 0f : 1f;
            }
            in.add(Tensor.of(mask, STEPS * BATCH));
        }
        int firstParameter = in.size();
        for (int[] shape : whole.parameterShapes()) {
            in.add(TensorSamples.random(random, 0.8f, shape));
        }
        Tensor[] gradOut = new Tensor[1 + states];
        gradOut[0] = TensorSamples.random(random, 0.8f, STEPS * BATCH, HIDDEN);
        for (int s = 0; s < states; s++) {
            gradOut[1 + s] = TensorSamples.random(random, 0.8f, BATCH, HIDDEN);
        }
        KernelThreads.use(threads);
        Run batch = run(whole, in.toArray(Tensor[]::new), gradOut);
        KernelThreads.use(1);
        for (int b = 0; b < BATCH; b++) {
            Tensor[] rowIn = new Tensor[in.size()];
            rowIn[0] = stepRows(in.get(0), b);
            for (int s = 0; s < states; s++) {
                rowIn[1 + s] = row(in.get(1 + s), b);
            }
            if (masked) {
                rowIn[1 + states] = stepRows(in.get(1 + states), b).reshape(STEPS);
            }
            for (int p = firstParameter; p < in.size(); p++) {
                rowIn[p] = in.get(p);
            }
            Tensor[] rowGradOut = new Tensor[1 + states];
            rowGradOut[0] = stepRows(gradOut[0], b);
            for (int s = 0; s < states; s++) {
                rowGradOut[1 + s] = row(gradOut[1 + s], b);
            }
            Run alone = run(op(cell, masked, 1), rowIn, rowGradOut);
            assertThat(TensorSamples.bitsOf(alone.out()[0])).as("row %d: outputs", b).isEqualTo(TensorSamples.bitsOf(stepRows(batch.out()[0], b)));
            assertThat(TensorSamples.bitsOf(alone.gradIn()[0])).as("row %d: input gradient", b)
                    .isEqualTo(TensorSamples.bitsOf(stepRows(batch.gradIn()[0], b)));
            for (int s = 0; s < states; s++) {
                assertThat(TensorSamples.bitsOf(alone.out()[1 + s])).as("row %d: final state %d", b, s)
                        .isEqualTo(TensorSamples.bitsOf(row(batch.out()[1 + s], b)));
                assertThat(TensorSamples.bitsOf(alone.gradIn()[1 + s])).as("row %d: initial state %d's gradient", b, s)
                        .isEqualTo(TensorSamples.bitsOf(row(batch.gradIn()[1 + s], b)));
            }
        }
        // the gradients compared are not all zero
        assertThat(TensorSamples.bitsOf(batch.gradIn()[1])).isNotEqualTo(new int[batch.gradIn()[1].size()]);
    }
}
