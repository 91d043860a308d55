package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests: every {@link VectorKernels} method against the {@link ScalarKernels} reference,
 * on sizes around the vector width and on large odd sizes, at non-zero offsets.
 *
 * <p>Tolerances, with {@code u = 2^-24} the float32 unit roundoff:
 * <ul>
 *   <li>add, mul, scale, relu and their backward forms round once per element in both: exact, except
 *       that fused multiply-add rounds once where the reference rounds twice, so {@code 2u} relative to
 *       the magnitudes involved;</li>
 *   <li>sigmoid and tanh: the Vector API's transcendental functions (SVML on x86) are accurate to a
 *       few ulps, the reference rounds double results; outputs lie in [-1, 1], so 4 ulps of 1 = 5e-7
 *       absolute (we allow 1e-6);</li>
 *   <li>sums of {@code n} terms accumulated in a different order: each order's error is at most
 *       {@code n u sum|x|}, so the two differ by at most {@code 2 n u sum|x|}: the tolerance grows with
 *       the size.</li>
 * </ul>
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

    private static void assertClose(float[] expected, float[] actual, double relative, double absolute) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double bound = relative * Math.abs(expected[i]) + absolute;
            assertThat(Math.abs((double) actual[i] - expected[i]))
                    .as("element %d of %d: expected %s, got %s", i, expected.length, expected[i], actual[i])
                    .isLessThanOrEqualTo(bound);
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
        assertClose(z1, z2, 0, 0);
        ref.mul(n, x, off, y, off, z1, off);
        vec.mul(n, x, off, y, off, z2, off);
        assertClose(z1, z2, 0, 0);
        // fma rounds once: the difference is below one rounding of |x*y| (at most 9) plus |z|
        ref.mulAccumulate(n, x, off, y, off, z1, off);
        vec.mulAccumulate(n, x, off, y, off, z2, off);
        assertClose(z1, z2, 2 * U, 2 * U * 9);
        ref.axpy(n, 0.7f, x, off, z1, off);
        vec.axpy(n, 0.7f, x, off, z2, off);
        assertClose(z1, z2, 4 * U, 4 * U * 30);
        ref.scale(n, -1.3f, z1, off);
        vec.scale(n, -1.3f, z2, off);
        assertClose(z1, z2, 4 * U, 4 * U * 40);
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
        assertClose(y1, y2, 0, 1e-6);
        ref.tanh(n, x, off, y1, off);
        vec.tanh(n, x, off, y2, off);
        assertClose(y1, y2, 0, 1e-6);
        ref.relu(n, x, off, y1, off);
        vec.relu(n, x, off, y2, off);
        assertClose(y1, y2, 0, 0);

        float[] y = y1;
        float[] dy = random(n + off);
        for (boolean acc : new boolean[] {false, true}) {
            float[] d1 = random(n + off);
            float[] d2 = d1.clone();
            ref.sigmoidBackward(n, y, off, dy, off, d1, off, acc);
            vec.sigmoidBackward(n, y, off, dy, off, d2, off, acc);
            assertClose(d1, d2, 4 * U, 4 * U * 30);
            ref.tanhBackward(n, y, off, dy, off, d1, off, acc);
            vec.tanhBackward(n, y, off, dy, off, d2, off, acc);
            assertClose(d1, d2, 4 * U, 4 * U * 60);
            ref.reluBackward(n, x, off, dy, off, d1, off, acc);
            vec.reluBackward(n, x, off, dy, off, d2, off, acc);
            assertClose(d1, d2, 0, 0);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void reductionsWithSizeScaledTolerance(int n) {
        float[] x = random(n + 2);
        double sumAbs = 0;
        for (int i = 2; i < n + 2; i++) {
            sumAbs += Math.abs(x[i]) * (1 + Math.abs(x[i]));
        }
        double bound = 2 * n * U * sumAbs + 1e-12;
        assertThat(Math.abs(vec.sum(n, x, 2) - ref.sum(n, x, 2))).isLessThanOrEqualTo(bound);
        assertThat(Math.abs(vec.sumOfSquares(n, x, 2) - ref.sumOfSquares(n, x, 2))).isLessThanOrEqualTo(bound);
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
        assertClose(x1, x2, 0, 0);
        float[] b1 = bias.clone();
        float[] b2 = bias.clone();
        ref.sumRows(rows, cols, x1, 1, b1, 2);
        vec.sumRows(rows, cols, x1, 1, b2, 2);
        assertClose(b1, b2, 0, 0);

        int[] ids = {4, 0, 2, 4, 1, 3, 4};
        float[] table = random(5 * cols);
        float[] o1 = new float[ids.length * cols];
        float[] o2 = new float[ids.length * cols];
        ref.gather(ids.length, cols, ids, 0, table, 0, o1, 0);
        vec.gather(ids.length, cols, ids, 0, table, 0, o2, 0);
        assertClose(o1, o2, 0, 0);
        float[] t1 = table.clone();
        float[] t2 = table.clone();
        ref.scatterAdd(ids.length, cols, ids, 0, o1, 0, t1, 0);
        vec.scatterAdd(ids.length, cols, ids, 0, o1, 0, t2, 0);
        assertClose(t1, t2, 0, 0);
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
        // the loss is a log of a sum of cols terms (each a rounded exp): relative error grows like cols * u
        assertThat(Math.abs(l1 - l2)).isLessThanOrEqualTo(rows * (2 * cols * U + 1e-6) * Math.max(1, Math.abs(l1)));
        // gradients are probabilities (<= 1) scaled by 0.25: a few ulps of the exp plus the sum's error
        assertClose(g1, g2, 0, 0.25 * (4 * U * cols + 1e-6));
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
        assertClose(dz1, dz2, 0, 0);
        assertClose(dc1, dc2, 0, 0);
        assertClose(dh1, dh2, 0, 0);
        if (h > 0) {
            assertThat(dh1[off]).isZero();
        }
    }
}
