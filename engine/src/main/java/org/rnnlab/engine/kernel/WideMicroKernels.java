package org.rnnlab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link GemmTile#WIDE}, for cores with 32 vector registers: 8 rows by 3 vectors
 * and 12 rows by 2 (24 accumulators each, plus the loaded vectors and a broadcast), and 8 by 1 for the last columns. Written out like
 * those of {@link MicroKernels}, and for the same reason: every vector stays inside one method, so C2
 * keeps it in a register instead of boxing it.
 */
final class WideMicroKernels {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();

    private WideMicroKernels() {}

    static void kernel8x3(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
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
        FloatVector c40 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc) : z;
        FloatVector c41 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc + L) : z;
        FloatVector c42 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc + 2 * L) : z;
        FloatVector c50 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc) : z;
        FloatVector c51 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc + L) : z;
        FloatVector c52 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc + 2 * L) : z;
        FloatVector c60 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc) : z;
        FloatVector c61 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc + L) : z;
        FloatVector c62 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc + 2 * L) : z;
        FloatVector c70 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc) : z;
        FloatVector c71 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc + L) : z;
        FloatVector c72 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc + 2 * L) : z;
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
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0v, c40);
            c41 = x.fma(b1v, c41);
            c42 = x.fma(b2v, c42);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0v, c50);
            c51 = x.fma(b1v, c51);
            c52 = x.fma(b2v, c52);
            x = FloatVector.broadcast(S, a[a6 + ap]);
            c60 = x.fma(b0v, c60);
            c61 = x.fma(b1v, c61);
            c62 = x.fma(b2v, c62);
            x = FloatVector.broadcast(S, a[a7 + ap]);
            c70 = x.fma(b0v, c70);
            c71 = x.fma(b1v, c71);
            c72 = x.fma(b2v, c72);
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
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + L);
        c42.intoArray(c, c0 + 4 * ldc + 2 * L);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + L);
        c52.intoArray(c, c0 + 5 * ldc + 2 * L);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + L);
        c62.intoArray(c, c0 + 6 * ldc + 2 * L);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + L);
        c72.intoArray(c, c0 + 7 * ldc + 2 * L);
    }

    static void kernel12x2(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
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
        FloatVector c80 = acc ? FloatVector.fromArray(S, c, c0 + 8 * ldc) : z;
        FloatVector c81 = acc ? FloatVector.fromArray(S, c, c0 + 8 * ldc + L) : z;
        FloatVector c90 = acc ? FloatVector.fromArray(S, c, c0 + 9 * ldc) : z;
        FloatVector c91 = acc ? FloatVector.fromArray(S, c, c0 + 9 * ldc + L) : z;
        FloatVector c100 = acc ? FloatVector.fromArray(S, c, c0 + 10 * ldc) : z;
        FloatVector c101 = acc ? FloatVector.fromArray(S, c, c0 + 10 * ldc + L) : z;
        FloatVector c110 = acc ? FloatVector.fromArray(S, c, c0 + 11 * ldc) : z;
        FloatVector c111 = acc ? FloatVector.fromArray(S, c, c0 + 11 * ldc + L) : z;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        int a4 = a3 + rsA;
        int a5 = a4 + rsA;
        int a6 = a5 + rsA;
        int a7 = a6 + rsA;
        int a8 = a7 + rsA;
        int a9 = a8 + rsA;
        int a10 = a9 + rsA;
        int a11 = a10 + rsA;
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
            x = FloatVector.broadcast(S, a[a8 + ap]);
            c80 = x.fma(b0v, c80);
            c81 = x.fma(b1v, c81);
            x = FloatVector.broadcast(S, a[a9 + ap]);
            c90 = x.fma(b0v, c90);
            c91 = x.fma(b1v, c91);
            x = FloatVector.broadcast(S, a[a10 + ap]);
            c100 = x.fma(b0v, c100);
            c101 = x.fma(b1v, c101);
            x = FloatVector.broadcast(S, a[a11 + ap]);
            c110 = x.fma(b0v, c110);
            c111 = x.fma(b1v, c111);
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
        c80.intoArray(c, c0 + 8 * ldc);
        c81.intoArray(c, c0 + 8 * ldc + L);
        c90.intoArray(c, c0 + 9 * ldc);
        c91.intoArray(c, c0 + 9 * ldc + L);
        c100.intoArray(c, c0 + 10 * ldc);
        c101.intoArray(c, c0 + 10 * ldc + L);
        c110.intoArray(c, c0 + 11 * ldc);
        c111.intoArray(c, c0 + 11 * ldc + L);
    }

    /**
     * 8 rows by one vector: the last columns of a product whose width is not a multiple of three vectors.
     * Eight chains keep both FMA pipes busy; two 4 x 1 tiles in a row (four chains each) waited on the
     * FMA latency and cost as much as a whole 8 x 3 tile.
     */
    static void kernel8x1(int k, float[] a, int a0, int rsA, int csA, float[] b, int b0, int ldb,
                          float[] c, int c0, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = acc ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector c10 = acc ? FloatVector.fromArray(S, c, c0 + ldc) : z;
        FloatVector c20 = acc ? FloatVector.fromArray(S, c, c0 + 2 * ldc) : z;
        FloatVector c30 = acc ? FloatVector.fromArray(S, c, c0 + 3 * ldc) : z;
        FloatVector c40 = acc ? FloatVector.fromArray(S, c, c0 + 4 * ldc) : z;
        FloatVector c50 = acc ? FloatVector.fromArray(S, c, c0 + 5 * ldc) : z;
        FloatVector c60 = acc ? FloatVector.fromArray(S, c, c0 + 6 * ldc) : z;
        FloatVector c70 = acc ? FloatVector.fromArray(S, c, c0 + 7 * ldc) : z;
        int a1 = a0 + rsA;
        int a2 = a1 + rsA;
        int a3 = a2 + rsA;
        int a4 = a3 + rsA;
        int a5 = a4 + rsA;
        int a6 = a5 + rsA;
        int a7 = a6 + rsA;
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
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0v, c40);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0v, c50);
            x = FloatVector.broadcast(S, a[a6 + ap]);
            c60 = x.fma(b0v, c60);
            x = FloatVector.broadcast(S, a[a7 + ap]);
            c70 = x.fma(b0v, c70);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + ldc);
        c20.intoArray(c, c0 + 2 * ldc);
        c30.intoArray(c, c0 + 3 * ldc);
        c40.intoArray(c, c0 + 4 * ldc);
        c50.intoArray(c, c0 + 5 * ldc);
        c60.intoArray(c, c0 + 6 * ldc);
        c70.intoArray(c, c0 + 7 * ldc);
    }
}
