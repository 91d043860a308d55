package org.rnnlab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** GEMM on the Vector API (first version: row-streaming loops, not yet register-blocked). */
final class VectorGemm {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();

    private VectorGemm() {}

    static void nn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        int bound = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * lda + p];
                int bp = bOff + p * ldb;
                int j = 0;
                for (; j < bound; j += L) {
                    FloatVector.fromArray(S, b, bp + j).fma(FloatVector.broadcast(S, aip), FloatVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    static void nt(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        int bound = S.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                FloatVector acc = FloatVector.zero(S);
                int p = 0;
                for (; p < bound; p += L) {
                    acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), acc);
                }
                float s = acc.reduceLanes(VectorOperators.ADD);
                for (; p < k; p++) {
                    s = Math.fma(a[ai + p], b[bj + p], s);
                }
                int ci = cOff + i * ldc + j;
                c[ci] = accumulate ? c[ci] + s : s;
            }
        }
    }

    static void tn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        int bound = S.loopBound(n);
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * lda;
            int bp = bOff + p * ldb;
            for (int i = 0; i < m; i++) {
                float api = a[ap + i];
                int ci = cOff + i * ldc;
                int j = 0;
                for (; j < bound; j += L) {
                    FloatVector.fromArray(S, b, bp + j).fma(FloatVector.broadcast(S, api), FloatVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    c[ci + j] = Math.fma(api, b[bp + j], c[ci + j]);
                }
            }
        }
    }
}
