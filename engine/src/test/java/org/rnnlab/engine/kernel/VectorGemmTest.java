package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector GEMMs with every register tile against the scalar reference on awkward shapes (each of m,
 * n, k from {1, 3, 17, 33, 65, 128}, plus a shared dimension longer than one packing block), overwrite
 * and accumulate, with leading dimensions larger than the matrix and non-zero offsets: equal bit for bit,
 * since both compute every element as the same chain of fused multiply-adds ({@link Kernels}).
 *
 * <p>The reference itself is checked against the exact product (in double) with the error bound of a
 * float32 dot product: a chain of {@code k} fused multiply-adds starting from {@code c} is within
 * {@code gamma_k (sum_p |a_ip b_pj| + |c_ij|)} of the exact value, {@code gamma_k = k u / (1 - k u)}.
 */
class VectorGemmTest {
    static final double U = Math.ulp(1f) / 2;
    private static final int[] DIMS = {1, 3, 17, 33, 65, 128};
    private final Kernels ref = new ScalarKernels();

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
            s.add(Arguments.of(f, 40, 112, 2 * VectorGemm.KC + 5)); // 8 x 1 tiles (112 = 2 x 48 + 16) over three blocks
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("shapes")
    void everyTileMatchesTheScalarReferenceBitForBit(Form form, int m, int n, int k) {
        for (GemmTile tile : GemmTile.values()) {
            compare(new VectorKernels(tile), form, m, n, k, 1);
        }
    }

    /**
     * Products large enough to be split over the calling thread's pool give the bits of one thread, by columns
     * or, when there are few columns, by rows; the split is checked to have happened.
     */
    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("parallelShapes")
    void splittingOverThreadsKeepsEveryBit(Form form, int m, int n, int k) {
        for (int threads : new int[] {2, 3}) {
            compare(new VectorKernels(VectorGemm.TILE), form, m, n, k, threads);
        }
    }

    static Stream<Arguments> parallelShapes() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (Form f : Form.values()) {
            s.add(Arguments.of(f, 32, 517, 128));   // the per-step recurrent product, with a column tail
            s.add(Arguments.of(f, 130, 301, 70));   // packed operands, row and column tails
            s.add(Arguments.of(f, 33, 260, 300));   // a shared dimension over one packing block
            s.add(Arguments.of(f, 517, 65, 130));   // few columns (the head, the embedding's gradient): split by rows
            s.add(Arguments.of(f, 200, 17, 300));   // rows in blocks of unequal paths, a shared dimension over KC
        }
        return s.build();
    }

    private void compare(Kernels vec, Form form, int m, int n, int k, int threads) {
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
            KernelThreads.use(threads);
            try {
                long before = KernelThreads.counters().handOffs();
                run(vec, form, m, n, k, a, lda, b, ldb, c2, ldc, accumulate);
                if (threads > 1) {
                    assertThat(KernelThreads.counters().handOffs()).as("hand-offs").isEqualTo(before + 1);
                }
            } finally {
                KernelThreads.use(1);
            }
            double gamma = k * U / (1 - k * U);
            int failures = 0;
            int differentBits = 0;
            String firstFailure = null;
            String firstDifference = null;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int at = 5 + i * ldc + j;
                    double exact = accumulate ? c0[at] : 0;
                    double absSum = Math.abs(exact);
                    for (int p = 0; p < k; p++) {
                        double av = form == Form.TN ? a[5 + p * lda + i] : a[5 + i * lda + p];
                        double bv = form == Form.NT ? b[5 + j * ldb + p] : b[5 + p * ldb + j];
                        exact += av * bv;
                        absSum += Math.abs(av * bv);
                    }
                    // checked by hand and reported once: an AssertJ call per element dominates the run time
                    if (Math.abs(c1[at] - exact) > gamma * absSum) {
                        failures++;
                        if (firstFailure == null) {
                            firstFailure = String.format("%s m=%d n=%d k=%d acc=%s C[%d,%d]: %s vs exact %s, bound %s",
                                    form, m, n, k, accumulate, i, j, c1[at], exact, gamma * absSum);
                        }
                    }
                    if (Float.floatToRawIntBits(c1[at]) != Float.floatToRawIntBits(c2[at])) {
                        differentBits++;
                        if (firstDifference == null) {
                            firstDifference = String.format("%s %s m=%d n=%d k=%d acc=%s threads=%d C[%d,%d]: %s vs %s",
                                    vec.tile(), form, m, n, k, accumulate, threads, i, j, c2[at], c1[at]);
                        }
                    }
                }
            }
            assertThat(failures).as("reference elements beyond the error bound; first: %s", firstFailure).isZero();
            assertThat(differentBits).as("vector elements that differ from the reference; first: %s", firstDifference).isZero();
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
