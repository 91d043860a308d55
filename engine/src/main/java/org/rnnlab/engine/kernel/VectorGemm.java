package org.rnnlab.engine.kernel;

import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM on the Vector API, register-blocked: a micro-kernel ({@link MicroKernels}) keeps a tile of {@code C} of
 * {@link #MR} rows by {@link #NV} vectors in registers and, for each step {@code p} along the shared
 * dimension, loads {@code NV} vectors of a row of {@code B} and broadcasts {@code MR} elements of
 * {@code A} into {@code MR * NV} fused multiply-adds.
 *
 * <p>The three forms reduce to one loop nest, {@link #blocked}, over an {@code A} read through strides
 * (row-major for NN, transposed for TN) and a row-major {@code B}:
 * <ul>
 *   <li>NN and TN read {@code B} in place;</li>
 *   <li>NT with many rows packs {@code W^T} once into a per-thread buffer (cost {@code n*k}, small
 *       beside {@code m*n*k});</li>
 *   <li>NT with few rows (the per-step recurrent product, {@code m = B}) computes {@code C^T = W A^T}
 *       instead: it packs the small {@code A^T} and broadcasts elements of {@code W} in place, and
 *       writes each tile of {@code C^T} transposed into {@code C}.</li>
 * </ul>
 * Column tails narrower than a vector go through a zero-padded scratch tile. Nothing allocates after
 * the per-thread buffers have grown to the largest shape seen.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();
    static final int MR = 4;
    static final int NV = 3;
    private static final int NR = NV * L;
    /** Up to this many rows of A, operands are read in place; above, they are packed. */
    private static final int SMALL_M = 64;
    /** Block of the shared dimension in the packed path: a [KC, 48] panel of B is 48 KB. */
    static final int KC = 256;

    /** Per-thread buffers: packed operands and a tile for edges and transposed output. */
    private static final class Scratch {
        float[] pack = new float[0];
        float[] edgeB = new float[0];
        final float[] sliver = new float[KC * MR];
        final float[] tile = new float[2 * MR * NR];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private VectorGemm() {}

    static void nn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (m > SMALL_M) {
            packed(m, n, k, a, aOff, lda, 1, b, bOff, ldb, false, c, cOff, ldc, accumulate, SCRATCH.get());
        } else {
            blocked(m, n, k, a, aOff, lda, 1, b, bOff, ldb, false, c, cOff, ldc, accumulate, false, SCRATCH.get());
        }
    }

    static void tn(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (m > SMALL_M) {
            packed(m, n, k, a, aOff, 1, lda, b, bOff, ldb, false, c, cOff, ldc, accumulate, SCRATCH.get());
        } else {
            blocked(m, n, k, a, aOff, 1, lda, b, bOff, ldb, false, c, cOff, ldc, accumulate, false, SCRATCH.get());
        }
    }

    static void nt(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        Scratch s = SCRATCH.get();
        if (m <= SMALL_M && m < n) {
            // C^T[n,m] = W[n,k] * A^T[k,m]: W is the broadcast operand, A^T the packed vector operand
            int mPad = roundUp(m, L);
            float[] pack = grow(s, k * mPad);
            transposeInto(m, k, a, aOff, lda, pack, mPad);
            blocked(n, m, k, b, bOff, ldb, 1, pack, 0, mPad, true, c, cOff, ldc, accumulate, true, s);
        } else {
            packed(m, n, k, a, aOff, lda, 1, b, bOff, ldb, true, c, cOff, ldc, accumulate, s);
        }
    }

    /** {@code dst[p, i] = src[i, p]} for {@code i < rows}, {@code p < k}; columns up to {@code ld} are zero. */
    private static void transposeInto(int rows, int k, float[] src, int off, int lds, float[] dst, int ld) {
        for (int p = 0; p < k; p++) {
            java.util.Arrays.fill(dst, p * ld + rows, p * ld + ld, 0f);
        }
        for (int i = 0; i < rows; i++) {
            int si = off + i * lds;
            for (int p = 0; p < k; p++) {
                dst[p * ld + i] = src[si + p];
            }
        }
    }

    private static float[] grow(Scratch s, int size) {
        if (s.pack.length < size) {
            s.pack = new float[size];
        }
        return s.pack;
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * {@code C (+)= A B} reading both operands in place: {@code A(i,p) = a[aOff + i*rsA + p*csA]},
     * {@code B(p,j) = b[bOff + p*ldb + j]}. For few rows of {@code A}, where packing would not be
     * repaid. {@code bPadded}: rows of {@code B} may be read up to the next multiple of the vector length
     * (the padding is zero). {@code transposedOut}: the result is {@code C^T}, written to {@code C[j, i]}.
     */
    static void blocked(int m, int n, int k, float[] a, int aOff, int rsA, int csA, float[] b, int bOff, int ldb,
                        boolean bPadded, float[] c, int cOff, int ldc, boolean acc, boolean transposedOut, Scratch s) {
        int j = 0;
        while (n - j >= L) {
            int nv = Math.min(NV, (n - j) / L);
            columnBlock(m, nv, nv * L, k, a, aOff, rsA, csA, b, bOff + j, ldb, c, cOff, ldc, j, acc, transposedOut, s);
            j += nv * L;
        }
        if (j < n) {
            int width = n - j;
            float[] eb = b;
            int ebOff = bOff + j;
            int eld = ldb;
            if (!bPadded) {
                // copy the last columns into a zero-padded [k, L] block so that whole vectors can be read
                if (s.edgeB.length < k * L) {
                    s.edgeB = new float[k * L];
                }
                eb = s.edgeB;
                ebOff = 0;
                eld = L;
                for (int p = 0; p < k; p++) {
                    System.arraycopy(b, bOff + p * ldb + j, eb, p * L, width);
                    java.util.Arrays.fill(eb, p * L + width, p * L + L, 0f);
                }
            }
            columnBlock(m, 1, width, k, a, aOff, rsA, csA, eb, ebOff, eld, c, cOff, ldc, j, acc, transposedOut, s);
        }
    }

    /** Columns {@code [j, j + width)} of C for all rows; {@code nv} vectors wide in registers. */
    private static void columnBlock(int m, int nv, int width, int k, float[] a, int aOff, int rsA, int csA,
                                    float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int j,
                                    boolean acc, boolean transposedOut, Scratch s) {
        boolean direct = !transposedOut && width == nv * L;
        int i = 0;
        if (nv == 2 && transposedOut) {
            // the per-step recurrent product (C^T = W A^T with A of 32 rows): two vectors per row leave
            // registers for eight rows of W, which hides the fma latency better than four
            for (; i + 2 * MR <= m; i += 2 * MR) {
                MicroKernels.kernel8x2(k, a, aOff + i * rsA, rsA, csA, b, bOff, ldb, s.tile, 0, NR, false);
                storeTile(s.tile, 2 * MR, width, c, cOff, ldc, i, j, acc, true);
            }
        }
        for (; i < m; i += MR) {
            int rows = Math.min(MR, m - i);
            int ai = aOff + i * rsA;
            if (rows < MR) {
                // too few rows for the register tile: one row at a time, through the tile if needed
                float[] t = direct ? c : s.tile;
                int t0 = direct ? cOff + i * ldc + j : 0;
                int tld = direct ? ldc : NR;
                for (int r = 0; r < rows; r++) {
                    for (int v = 0; v < nv; v++) {
                        MicroKernels.kernel1x1(k, a, ai + r * rsA, csA, b, bOff + v * L, ldb, t, t0 + r * tld + v * L, direct && acc);
                    }
                }
                if (!direct) {
                    storeTile(s.tile, rows, width, c, cOff, ldc, i, j, acc, transposedOut);
                }
            } else if (direct) {
                MicroKernels.kernel(nv, k, a, ai, rsA, csA, b, bOff, ldb, c, cOff + i * ldc + j, ldc, acc);
            } else {
                MicroKernels.kernel(nv, k, a, ai, rsA, csA, b, bOff, ldb, s.tile, 0, NR, false);
                storeTile(s.tile, rows, width, c, cOff, ldc, i, j, acc, transposedOut);
            }
        }
    }

    /**
     * {@code C (+)= A B} with both operands packed, for many rows of {@code A}: the shared dimension is
     * cut into blocks of {@link #KC}; per block, {@code B} is packed into panels of at most {@link #NR}
     * columns ({@code B(p,j) = b[bOff + p*ldb + j]}, or {@code b[bOff + j*ldb + p]} when
     * {@code bTransposed}) that stay in L2, and per {@link #MR} rows a sliver of {@code A} that stays in
     * L1 is reused against every panel.
     */
    static void packed(int m, int n, int k, float[] a, int aOff, int rsA, int csA, float[] b, int bOff, int ldb,
                       boolean bTransposed, float[] c, int cOff, int ldc, boolean acc, Scratch s) {
        if (k == 0) {
            if (!acc) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        int nPad = roundUp(n, L);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            float[] pb = packPanels(n, kc, b, bOff, ldb, bTransposed, p0, s, nPad);
            float[] pa = s.sliver;
            boolean accNow = acc || p0 > 0;
            for (int i = 0; i < m; i += MR) {
                int rows = Math.min(MR, m - i);
                for (int p = 0; p < kc; p++) {
                    int src = aOff + i * rsA + (p0 + p) * csA;
                    for (int r = 0; r < MR; r++) {
                        pa[p * MR + r] = r < rows ? a[src + r * rsA] : 0f;
                    }
                }
                int j = 0;
                int panel = 0;
                while (j < n) {
                    int nv = Math.min(NV, (nPad - j) / L);
                    int width = Math.min(nv * L, n - j);
                    if (rows == MR && width == nv * L) {
                        MicroKernels.kernel(nv, kc, pa, 0, 1, MR, pb, panel, nv * L, c, cOff + i * ldc + j, ldc, accNow);
                    } else {
                        MicroKernels.kernel(nv, kc, pa, 0, 1, MR, pb, panel, nv * L, s.tile, 0, NR, false);
                        storeTile(s.tile, rows, width, c, cOff, ldc, i, j, accNow, false);
                    }
                    panel += kc * nv * L;
                    j += nv * L;
                }
            }
        }
    }

    /** Packs rows {@code [p0, p0 + kc)} of B into consecutive zero-padded panels of the widths {@link #packed} walks. */
    private static float[] packPanels(int n, int kc, float[] b, int bOff, int ldb, boolean bTransposed, int p0,
                                      Scratch s, int nPad) {
        if (s.pack.length < kc * nPad) {
            s.pack = new float[kc * nPad];
        }
        float[] pb = s.pack;
        int j = 0;
        int panel = 0;
        while (j < n) {
            int pw = Math.min(NV, (nPad - j) / L) * L;
            int width = Math.min(pw, n - j);
            if (bTransposed) {
                for (int q = 0; q < width; q++) {
                    int src = bOff + (j + q) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        pb[panel + p * pw + q] = b[src + p];
                    }
                }
                if (width < pw) {
                    for (int p = 0; p < kc; p++) {
                        java.util.Arrays.fill(pb, panel + p * pw + width, panel + p * pw + pw, 0f);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j, pb, panel + p * pw, width);
                    if (width < pw) {
                        java.util.Arrays.fill(pb, panel + p * pw + width, panel + p * pw + pw, 0f);
                    }
                }
            }
            panel += kc * pw;
            j += pw;
        }
        return pb;
    }

    private static void storeTile(float[] tile, int rows, int width, float[] c, int cOff, int ldc, int i, int j,
                                  boolean acc, boolean transposedOut) {
        if (transposedOut) {
            // tile row r is column i + r of C: walk C row by row so that the writes are contiguous
            for (int q = 0; q < width; q++) {
                int at = cOff + (j + q) * ldc + i;
                if (acc) {
                    for (int r = 0; r < rows; r++) {
                        c[at + r] += tile[r * NR + q];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        c[at + r] = tile[r * NR + q];
                    }
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int at = cOff + (i + r) * ldc + j;
            if (acc) {
                for (int q = 0; q < width; q++) {
                    c[at + q] += tile[r * NR + q];
                }
            } else {
                System.arraycopy(tile, r * NR, c, at, width);
            }
        }
    }
}
