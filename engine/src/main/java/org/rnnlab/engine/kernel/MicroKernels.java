package org.rnnlab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: {@code C[rows, nv vectors] (+)= A B} over {@code k} steps,
 * with {@code A(i,p) = a[a0 + i*rsA + p*csA]} broadcast and {@code B(p, :) = b[b0 + p*ldb ...]} loaded
 * as vectors. Each tile keeps its accumulators in registers for the whole loop and touches {@code C}
 * once at the end.
 *
 * <p>Every vector stays inside one method and is only loaded, combined and stored: a vector passed to a
 * call that C2 does not inline (past its node budget, say) is boxed on the heap, which in these loops
 * meant megabytes per training step. So the accumulators start from {@code C} (or zero) rather than
 * being added to {@code C} by a store helper at the end.
 */
final class MicroKernels {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();

    private MicroKernels() {}

    /** A tile of {@code mr} (4 or 8) rows and {@code nv} (1 to 3) vectors. */
    static void kernel(int mr, int nv, int k, float[] a, int a0, int rsA, int csA, float[] b, int b0,
                       int ldb, float[] c, int c0, int ldc, boolean acc) {
        if (mr == 8) {
            switch (nv) {
                case 3 -> WideMicroKernels.kernel8x3(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
                case 2 -> kernel8x2(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
                default -> WideMicroKernels.kernel8x1(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
            }
            return;
        }
        switch (nv) {
            case 3 -> kernel4x3(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
            case 2 -> kernel4x2(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
            default -> kernel4x1(k, a, a0, rsA, csA, b, b0, ldb, c, c0, ldc, acc);
        }
    }

    static void kernel4x2(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = acc ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c01 = acc ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector c10 = acc ? FloatVector.fromArray(S, c, c0 + ldc) : z;
        FloatVector c11 = acc ? FloatVector.fromArray(S, c, c0 + ldc + L) : z;
        FloatVector c20 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc) : z;
        FloatVector c21 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc + L) : z;
        FloatVector c30 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc) : z;
        FloatVector c31 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc + L) : z;
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
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + L);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + L);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + L);
    }

    static void kernel4x3(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = acc ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c01 = acc ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector c02 = acc ? FloatVector.fromArray(S, c, c0 + 2 * L) : z;
        FloatVector c10 = acc ? FloatVector.fromArray(S, c, c0 + ldc) : z;
        FloatVector c11 = acc ? FloatVector.fromArray(S, c, c0 + ldc + L) : z;
        FloatVector c12 = acc ? FloatVector.fromArray(S, c, c0 + ldc + 2 * L) : z;
        FloatVector c20 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc) : z;
        FloatVector c21 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc + L) : z;
        FloatVector c22 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc + 2 * L) : z;
        FloatVector c30 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc) : z;
        FloatVector c31 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc + L) : z;
        FloatVector c32 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc + 2 * L) : z;
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
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c02.intoArray(c, c0 + 2 * L);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + L);
        c12.intoArray(c, c0 + ldc + 2 * L);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + L);
        c22.intoArray(c, c0 + 2 * ldc + 2 * L);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + L);
        c32.intoArray(c, c0 + 3 * ldc + 2 * L);
    }

    static void kernel8x2(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = acc ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c01 = acc ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector c10 = acc ? FloatVector.fromArray(S, c, c0 + ldc) : z;
        FloatVector c11 = acc ? FloatVector.fromArray(S, c, c0 + ldc + L) : z;
        FloatVector c20 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc) : z;
        FloatVector c21 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc + L) : z;
        FloatVector c30 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc) : z;
        FloatVector c31 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc + L) : z;
        FloatVector c40 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc) : z;
        FloatVector c41 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc + L) : z;
        FloatVector c50 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc) : z;
        FloatVector c51 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc + L) : z;
        FloatVector c60 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc) : z;
        FloatVector c61 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc + L) : z;
        FloatVector c70 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc) : z;
        FloatVector c71 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc + L) : z;
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
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + L);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + L);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + L);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + L);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + L);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + L);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + L);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + L);
    }

    static void kernel4x1(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = acc ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c10 = acc ? FloatVector.fromArray(S, c, c0 + ldc) : z;
        FloatVector c20 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc) : z;
        FloatVector c30 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc) : z;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            FloatVector b0v = FloatVector.fromArray(S, b, bp);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0v, c00);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0v, c10);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0v, c20);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0v, c30);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + ldc);
        c20.intoArray(c, c0 + 2 * ldc);
        c30.intoArray(c, c0 + 3 * ldc);
    }

    /** One row, one vector: a single chain, since splitting it would change the order of the additions. */
    static void kernel1x1(int k, float[] a, int a0, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, boolean acc) {
        FloatVector s0 = acc ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        for (int p = 0, ap = a0, bp = b0; p < k; p++, ap += csA, bp += ldb) {
            s0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }
}
