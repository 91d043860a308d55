package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests: every {@link VectorKernels} method against the {@link ScalarKernels} reference,
 * on sizes around the vector width and on large odd sizes, at non-zero offsets. Both compute every
 * element by the same float operations in the same order ({@link Kernels}), so the results are equal bit
 * for bit: tolerance 0 throughout. Accuracy against outside authorities is checked where it can be lost:
 * exp/sigmoid/tanh against {@link Math} ({@code VectorMathTest}), the softmax loss against a double
 * computation, the sums of squares against exact doubles near the bottom of the float range.
 */
class VectorKernelsTest {
    static final double U = Math.ulp(1f) / 2;
    private final Kernels ref = new ScalarKernels();
    private final Kernels vec = new VectorKernels();
    private final SplittableRandom r = new SplittableRandom(11);

    static IntStream sizes() {
        return IntStream.of(0, 1, 2, 3, 7, 8, 15, 16, 17, 1021, 4099);
    }

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-3, 3);
        }
        return x;
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                assertThat(actual[i]).as("element %d of %d", i, expected.length).isEqualTo(expected[i]);
                assertThat(Float.floatToRawIntBits(actual[i])).as("bits of element %d of %d", i, expected.length)
                        .isEqualTo(Float.floatToRawIntBits(expected[i]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void elementwise(int n) {
        int off = 3;
        float[] x = random(n + off);
        float[] y = random(n + off);
        float[] z1 = random(n + off);
        float[] z2 = z1.clone();
        ref.add(n, x, off, y, off, z1, off);
        vec.add(n, x, off, y, off, z2, off);
        assertSameBits(z1, z2);
        ref.mul(n, x, off, y, off, z1, off);
        vec.mul(n, x, off, y, off, z2, off);
        assertSameBits(z1, z2);
        ref.mulAccumulate(n, x, off, y, off, z1, off);
        vec.mulAccumulate(n, x, off, y, off, z2, off);
        assertSameBits(z1, z2);
        ref.axpy(n, 0.7f, x, off, z1, off);
        vec.axpy(n, 0.7f, x, off, z2, off);
        assertSameBits(z1, z2);
        ref.scale(n, -1.3f, z1, off);
        vec.scale(n, -1.3f, z2, off);
        assertSameBits(z1, z2);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void activationsAndTheirBackward(int n) {
        int off = 1;
        float[] x = random(n + off);
        float[] y1 = new float[n + off];
        float[] y2 = new float[n + off];
        ref.sigmoid(n, x, off, y1, off);
        vec.sigmoid(n, x, off, y2, off);
        assertSameBits(y1, y2);
        ref.tanh(n, x, off, y1, off);
        vec.tanh(n, x, off, y2, off);
        assertSameBits(y1, y2);
        ref.relu(n, x, off, y1, off);
        vec.relu(n, x, off, y2, off);
        assertSameBits(y1, y2);

        float[] y = y1;
        float[] dy = random(n + off);
        for (boolean acc : new boolean[] {false, true}) {
            float[] d1 = random(n + off);
            float[] d2 = d1.clone();
            ref.sigmoidBackward(n, y, off, dy, off, d1, off, acc);
            vec.sigmoidBackward(n, y, off, dy, off, d2, off, acc);
            assertSameBits(d1, d2);
            ref.tanhBackward(n, y, off, dy, off, d1, off, acc);
            vec.tanhBackward(n, y, off, dy, off, d2, off, acc);
            assertSameBits(d1, d2);
            ref.reluBackward(n, x, off, dy, off, d1, off, acc);
            vec.reluBackward(n, x, off, dy, off, d2, off, acc);
            assertSameBits(d1, d2);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void reductionsAreEqualAndKeepTinyValues(int n) {
        float[] x = random(n + 2);
        assertThat(vec.sum(n, x, 2)).isEqualTo(ref.sum(n, x, 2));
        assertThat(vec.sumOfSquares(n, x, 2)).isEqualTo(ref.sumOfSquares(n, x, 2));
        // gradients of 1e-22 square to 1e-44, below the smallest normal float: accumulated in double they
        // survive (the sum of n equal doubles is exact to n u relative)
        float[] tiny = new float[n + 2];
        java.util.Arrays.fill(tiny, 1e-22f);
        double exact = n * (double) 1e-22f * 1e-22f;
        assertThat(ref.sumOfSquares(n, tiny, 2)).isCloseTo(exact, org.assertj.core.data.Offset.offset(exact * 1e-12));
        assertThat(vec.sumOfSquares(n, tiny, 2)).isEqualTo(ref.sumOfSquares(n, tiny, 2));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void biasRowsGatherScatter(int cols) {
        int rows = 5;
        float[] x1 = random(rows * cols + 1);
        float[] x2 = x1.clone();
        float[] bias = random(cols + 2);
        ref.addBias(rows, cols, bias, 2, x1, 1);
        vec.addBias(rows, cols, bias, 2, x2, 1);
        assertSameBits(x1, x2);
        float[] b1 = bias.clone();
        float[] b2 = bias.clone();
        ref.sumRows(rows, cols, x1, 1, b1, 2);
        vec.sumRows(rows, cols, x1, 1, b2, 2);
        assertSameBits(b1, b2);

        int[] ids = {4, 0, 2, 4, 1, 3, 4};
        float[] table = random(5 * cols);
        float[] o1 = new float[ids.length * cols];
        float[] o2 = new float[ids.length * cols];
        ref.gather(ids.length, cols, ids, 0, table, 0, o1, 0);
        vec.gather(ids.length, cols, ids, 0, table, 0, o2, 0);
        assertSameBits(o1, o2);
        float[] t1 = table.clone();
        float[] t2 = table.clone();
        ref.scatterAdd(ids.length, cols, ids, 0, o1, 0, t1, 0);
        vec.scatterAdd(ids.length, cols, ids, 0, o1, 0, t2, 0);
        assertSameBits(t1, t2);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void softmaxCrossEntropyWithMask(int cols) {
        if (cols == 0) {
            return;
        }
        int rows = 6;
        float[] logits = random(rows * cols);
        int[] target = new int[rows];
        for (int i = 0; i < rows; i++) {
            target[i] = r.nextInt(cols);
        }
        float[] mask = {1, 0, 1, 1, 0, 1};
        float[] g1 = random(rows * cols);
        float[] g2 = random(rows * cols);
        double l1 = ref.softmaxCrossEntropy(rows, cols, logits, 0, target, 0, mask, 0, g1, 0, 0.25f);
        double l2 = vec.softmaxCrossEntropy(rows, cols, logits, 0, target, 0, mask, 0, g2, 0, 0.25f);
        assertThat(l2).isEqualTo(l1);
        assertSameBits(g1, g2);
        // against the loss in double: a log of a sum of cols terms (each exp within 4 ulps, the float sum
        // within cols u), so the relative error grows like cols * u
        double exact = 0;
        for (int i = 0; i < rows; i++) {
            if (mask[i] == 0f) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, logits[i * cols + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(logits[i * cols + c] - max);
            }
            exact += Math.log(sum) - (logits[i * cols + target[i]] - max);
        }
        assertThat(Math.abs(l1 - exact)).isLessThanOrEqualTo(rows * (2 * cols * U + 1e-6) * Math.max(1, Math.abs(exact)));
        for (int c = 0; c < cols; c++) {
            assertThat(g2[cols + c]).isZero();
        }
    }

    /**
     * The fused LSTM backward step against its scalar twin, for hidden sizes around the vector length
     * (the per-row scalar tail included) and 3 rows at odd offsets. Both evaluate the same products in the
     * same order without fused multiply-adds, so the results are identical: tolerance 0.
     */
    @ParameterizedTest
    @MethodSource("sizes")
    void lstmBackwardPointwiseMatchesTheScalarTwin(int h) {
        if (h > 1021) {
            return; // 4099 adds nothing over 1021 but time
        }
        int rows = 3;
        int off = 5;
        float[] z = random(off + rows * 4 * h);
        float[] tc = random(off + rows * h);
        float[] cp = random(off + rows * h);
        float[] dh1 = random(off + rows * h);
        float[] dc1 = random(off + rows * h);
        float[] dz1 = random(off + rows * 4 * h);
        float[] dh2 = dh1.clone();
        float[] dc2 = dc1.clone();
        float[] dz2 = dz1.clone();
        ref.lstmBackwardPointwise(rows, h, z, off, tc, off, cp, off, dh1, off, dc1, off, dz1, off);
        vec.lstmBackwardPointwise(rows, h, z, off, tc, off, cp, off, dh2, off, dc2, off, dz2, off);
        assertSameBits(dz1, dz2);
        assertSameBits(dc1, dc2);
        assertSameBits(dh1, dh2);
        if (h > 0) {
            assertThat(dh1[off]).isZero();
        }
    }

    /** The passes split over a pool (large enough to be split) give the reference's bits too. */
    @org.junit.jupiter.api.Test
    void passesSplitOverThreadsKeepEveryBit() {
        int rows = 300;
        int cols = 129;
        float[] logits = random(rows * cols);
        int[] target = new int[rows];
        float[] mask = new float[rows];
        for (int i = 0; i < rows; i++) {
            target[i] = r.nextInt(cols);
            mask[i] = i % 7 == 3 ? 0f : 1f;
        }
        float[] bias = random(cols);
        int h = 130;
        float[] z = random(rows * 4 * h);
        float[] tc = random(rows * h);
        float[] cPrev = random(rows * h);
        float[] dh0 = random(rows * h);
        float[] dc0 = random(rows * h);
        float[][] out = new float[2][];
        double[] loss = new double[2];
        float[][] sums = new float[2][];
        float[][] biased = new float[2][];
        float[][] lstm = new float[2][];
        Kernels[] kernels = {ref, vec};
        for (int v = 0; v < 2; v++) {
            KernelThreads.use(v == 0 ? 1 : 2);
            try {
                out[v] = new float[rows * cols];
                loss[v] = kernels[v].softmaxCrossEntropy(rows, cols, logits, 0, target, 0, mask, 0, out[v], 0, 0.5f);
                sums[v] = bias.clone();
                kernels[v].sumRows(rows, cols, logits, 0, sums[v], 0);
                biased[v] = logits.clone();
                kernels[v].addBias(rows, cols, bias, 0, biased[v], 0);
                float[] dh = dh0.clone();
                float[] dc = dc0.clone();
                lstm[v] = new float[rows * 4 * h];
                kernels[v].lstmBackwardPointwise(rows, h, z, 0, tc, 0, cPrev, 0, dh, 0, dc, 0, lstm[v], 0);
            } finally {
                KernelThreads.use(1);
            }
        }
        assertThat(loss[1]).isEqualTo(loss[0]);
        assertSameBits(out[0], out[1]);
        assertSameBits(sums[0], sums[1]);
        assertSameBits(biased[0], biased[1]);
        assertSameBits(lstm[0], lstm[1]);
    }
}
