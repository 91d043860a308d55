package org.rnnlab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: {@code C[rows, nv vectors] (+)= A B} over {@code k} steps,
 * with {@code A(i,p) = a[a0 + i*rsA + p*csA]} broadcast and {@code B(p, :) = b[b0 + p*ldb ...]} loaded
 * as vectors. Each tile keeps its accumulators in registers for the whole loop and touches {@code C}
 * once at the end.
 */
final class MicroKernels {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();

    private MicroKernels() {}

    /** A 4-row tile of {@code nv} (1 to 3) vectors. */
    static void kernel(int nv, int k, float[] a, int a0, int rsA, int csA, float[] b, int b0,
                       int ldb, float[] c, int c0, int ldc, boolean acc) {
        switch (nv) {
            case 3 -> kernel4x3(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
            case 2 -> kernel4x2(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
            default -> kernel4x1(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
        }
    }

    static void kernel4x2(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                                  float[] c, int c0, int ldc, boolean acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
        }
        store(c00, c, c0, acc);
        store(c01, c, c0 + L, acc);
        store(c10, c, c0 + ldc, acc);
        store(c11, c, c0 + ldc + L, acc);
        store(c20, c, c0 + 2 * ldc, acc);
        store(c21, c, c0 + 2 * ldc + L, acc);
        store(c30, c, c0 + 3 * ldc, acc);
        store(c31, c, c0 + 3 * ldc + L, acc);
    }

    static void kernel4x3(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                                  float[] c, int c0, int ldc, boolean acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2v = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            c02 = x.fma(b2v, c02);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            c12 = x.fma(b2v, c12);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            c22 = x.fma(b2v, c22);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
            c32 = x.fma(b2v, c32);
        }
        store(c00, c, c0, acc);
        store(c01, c, c0 + L, acc);
        store(c02, c, c0 + 2 * L, acc);
        store(c10, c, c0 + ldc, acc);
        store(c11, c, c0 + ldc + L, acc);
        store(c12, c, c0 + ldc + 2 * L, acc);
        store(c20, c, c0 + 2 * ldc, acc);
        store(c21, c, c0 + 2 * ldc + L, acc);
        store(c22, c, c0 + 2 * ldc + 2 * L, acc);
        store(c30, c, c0 + 3 * ldc, acc);
        store(c31, c, c0 + 3 * ldc + L, acc);
        store(c32, c, c0 + 3 * ldc + 2 * L, acc);
    }

    static void kernel8x2(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                                  float[] c, int c0, int ldc, boolean acc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        int a4 = a3 + rsA;
        int a5 = a4 + rsA;
        int a6 = a5 + rsA;
        int a7 = a6 + rsA;
        for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector b1v = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0v, c40);
            c41 = x.fma(b1v, c41);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0v, c50);
            c51 = x.fma(b1v, c51);
            x = FloatVector.broadcast(S, a[a6 + ap]);
            c60 = x.fma(b0v, c60);
            c61 = x.fma(b1v, c61);
            x = FloatVector.broadcast(S, a[a7 + ap]);
            c70 = x.fma(b0v, c70);
            c71 = x.fma(b1v, c71);
        }
        store(c00, c, c0, acc);
        store(c01, c, c0 + L, acc);
        store(c10, c, c0 + ldc, acc);
        store(c11, c, c0 + ldc + L, acc);
        store(c20, c, c0 + 2 * ldc, acc);
        store(c21, c, c0 + 2 * ldc + L, acc);
        store(c30, c, c0 + 3 * ldc, acc);
        store(c31, c, c0 + 3 * ldc + L, acc);
        store(c40, c, c0 + 4 * ldc, acc);
        store(c41, c, c0 + 4 * ldc + L, acc);
        store(c50, c, c0 + 5 * ldc, acc);
        store(c51, c, c0 + 5 * ldc + L, acc);
        store(c60, c, c0 + 6 * ldc, acc);
        store(c61, c, c0 + 6 * ldc + L, acc);
        store(c70, c, c0 + 7 * ldc, acc);
        store(c71, c, c0 + 7 * ldc + L, acc);
    }

    static void kernel4x1(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                                  float[] c, int c0, int ldc, boolean acc) {
        FloatVector c0v = FloatVector.zero(S), c1v = c0v, c2v = c0v, c3v = c0v;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            FloatVector bv = FloatVector.fromArray(S, b, bp);
            c0v = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, c0v);
            c1v = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, c1v);
            c2v = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, c2v);
            c3v = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, c3v);
        }
        store(c0v, c, c0, acc);
        store(c1v, c, c0 + ldc, acc);
        store(c2v, c, c0 + 2 * ldc, acc);
        store(c3v, c, c0 + 3 * ldc, acc);
    }

    static void kernel1x1(int k, float[] a, int a0, int csA, float[] b, int b0, int ldb,
                                  float[] c, int c0, boolean acc) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        int p = 0;
        int ap = a0;
        int bp = b0;
        // two accumulators hide the fma latency of this single-row tail
        for (; p + 1 < k; p += 2, ap += 2 * csA, bp += 2 * ldb) {
            s0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = FloatVector.broadcast(S, a[ap + csA]).fma(FloatVector.fromArray(S, b, bp + ldb), s1);
        }
        if (p < k) {
            s0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        store(s0.add(s1), c, c0, acc);
    }

    private static void store(FloatVector v, float[] c, int at, boolean acc) {
        // two stores rather than one of (acc ? sum : v): vectors merging at a phi can get boxed
        if (acc) {
            v.add(FloatVector.fromArray(S, c, at)).intoArray(c, at);
        } else {
            v.intoArray(c, at);
        }
    }
}
