package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector GEMMs against the scalar reference on awkward shapes (each of m, n, k from
 * {1, 3, 17, 33, 65, 128}, plus a shared dimension longer than one packing block), overwrite and
 * accumulate, with leading dimensions larger than the matrix
 * and non-zero offsets.
 *
 * <p>Tolerance: a dot product of length {@code k} computed in float32 in any order is within
 * {@code gamma_k * sum_p |a_ip b_pj|} of the exact value, {@code gamma_k = k u / (1 - k u)}; adding
 * into {@code C} adds one more rounding. Two implementations therefore differ by at most
 * {@code 2 gamma_(k+1) (sum_p |a_ip b_pj| + |c_ij|)}, computed per element in double.
 */
class VectorGemmTest {
    static final double U = Math.ulp(1f) / 2;
    private static final int[] DIMS = {1, 3, 17, 33, 65, 128};
    private final Kernels ref = new ScalarKernels();
    private final Kernels vec = new VectorKernels();

    enum Form { NN, NT, TN }

    static Stream<Arguments> shapes() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (Form f : Form.values()) {
            for (int m : DIMS) {
                for (int n : DIMS) {
                    for (int k : DIMS) {
                        s.add(Arguments.of(f, m, n, k));
                    }
                }
            }
        }
        // the shared dimension longer than one packing block (VectorGemm.KC), in both paths
        for (Form f : Form.values()) {
            s.add(Arguments.of(f, 70, 50, 2 * VectorGemm.KC + 33));
            s.add(Arguments.of(f, 32, 97, VectorGemm.KC + 1));
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("shapes")
    void matchesTheScalarReference(Form form, int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 10007L + n * 101L + k);
        // A is [m,k] (or [k,m] for TN), B is [k,n] (or [n,k] for NT); pad every row by 3 and offset by 5
        int aRows = form == Form.TN ? k : m;
        int aCols = form == Form.TN ? m : k;
        int bRows = form == Form.NT ? n : k;
        int bCols = form == Form.NT ? k : n;
        int lda = aCols + 3;
        int ldb = bCols + 3;
        int ldc = n + 3;
        float[] a = random(r, 5 + aRows * lda);
        float[] b = random(r, 5 + bRows * ldb);
        float[] c0 = random(r, 5 + m * ldc);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] c1 = c0.clone();
            float[] c2 = c0.clone();
            run(ref, form, m, n, k, a, lda, b, ldb, c1, ldc, accumulate);
            run(vec, form, m, n, k, a, lda, b, ldb, c2, ldc, accumulate);
            double gamma = (k + 1) * U / (1 - (k + 1) * U);
            int failures = 0;
            String firstFailure = null;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double absSum = accumulate ? Math.abs(c0[5 + i * ldc + j]) : 0;
                    for (int p = 0; p < k; p++) {
                        double av = form == Form.TN ? a[5 + p * lda + i] : a[5 + i * lda + p];
                        double bv = form == Form.NT ? b[5 + j * ldb + p] : b[5 + p * ldb + j];
                        absSum += Math.abs(av * bv);
                    }
                    int at = 5 + i * ldc + j;
                    // checked by hand and reported once: an AssertJ call per element dominates the run time
                    if (Math.abs((double) c2[at] - c1[at]) > 2 * gamma * absSum) {
                        failures++;
                        if (firstFailure == null) {
                            firstFailure = String.format("%s m=%d n=%d k=%d acc=%s C[%d,%d]: %s vs %s, bound %s",
                                    form, m, n, k, accumulate, i, j, c2[at], c1[at], 2 * gamma * absSum);
                        }
                    }
                }
            }
            assertThat(failures).as("elements out of tolerance; first: %s", firstFailure).isZero();
            // padding between rows and before the matrix is untouched
            boolean paddingKept = true;
            for (int i = 0; i < 5; i++) {
                paddingKept &= c2[i] == c0[i];
            }
            for (int i = 0; i < m; i++) {
                for (int j = n; j < ldc && 5 + i * ldc + j < c2.length; j++) {
                    paddingKept &= c2[5 + i * ldc + j] == c0[5 + i * ldc + j];
                }
            }
            assertThat(paddingKept).as("floats outside C unchanged").isTrue();
        }
    }

    private static void run(Kernels kernels, Form form, int m, int n, int k, float[] a, int lda, float[] b, int ldb,
                            float[] c, int ldc, boolean accumulate) {
        switch (form) {
            case NN -> kernels.gemmNN(m, n, k, a, 5, lda, b, 5, ldb, c, 5, ldc, accumulate);
            case NT -> kernels.gemmNT(m, n, k, a, 5, lda, b, 5, ldb, c, 5, ldc, accumulate);
            case TN -> kernels.gemmTN(m, n, k, a, 5, lda, b, 5, ldb, c, 5, ldc, accumulate);
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }
}
