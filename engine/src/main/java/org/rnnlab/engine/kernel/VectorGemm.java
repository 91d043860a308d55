package org.rnnlab.engine.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM on the Vector API, register-blocked: a micro-kernel ({@link MicroKernels}) keeps a tile of {@code C} of
 * {@link GemmTile#rows} rows by up to {@link #NV} vectors in registers and, for each step {@code p} along the shared
 * dimension, loads the vectors of a row of {@code B} and broadcasts elements of {@code A} into fused
 * multiply-adds. {@link GemmTile} sets the tile from the machine.
 *
 * <p>The three forms reduce to two loop nests over an {@code A} read through strides (row-major for NN,
 * transposed for TN) and a row-major {@code B}:
 * <ul>
 *   <li>{@link #blocked}, for few rows of {@code A}: both operands read in place;</li>
 *   <li>{@link #packed}, for many rows: the shared dimension in blocks of {@link #KC}, {@code B} packed into
 *       panels that stay in L2 and {@code A} into slivers that stay in L1 ({@code W^T} packed from
 *       {@code W} for NT);</li>
 *   <li>NT with few rows (the per-step recurrent product, {@code m = B}) computes {@code C^T = W A^T}
 *       instead: it packs the small {@code A^T} and broadcasts elements of {@code W}, read row by row in
 *       place (a stream the prefetcher follows), and writes each tile transposed into {@code C}.</li>
 * </ul>
 * Every element of {@code C} is one chain of FMAs over {@code p} in increasing order, starting from
 * {@code C} or zero: blocks of {@code p} continue the chain through {@code C}, and tiles at the edges go
 * through a scratch tile that is first loaded from {@code C}. So the bits do not depend on the tile, the
 * vector width or how the columns are split between threads ({@link #nn}, {@link #nt}, {@link #tn} hand
 * large products to the calling thread's {@link KernelPool}). Nothing allocates after the per-thread
 * buffers have grown to the largest shape seen.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final int L = S.length();
    /** The tile of this machine, or the one {@code -Drnnlab.gemm.tile} pins. */
    static final GemmTile TILE = GemmTile.choose(System.getProperty(GemmTile.PROPERTY), System.getProperty("os.arch"),
            FloatVector.SPECIES_PREFERRED.vectorBitSize());
    /** The most rows any tile has: the size of the scratch buffers. */
    private static final int MAX_ROWS = 12;
    static final int NV = 3;
    private static final int NR = NV * L;
    /** Up to this many rows of A, operands are read in place; above, they are packed. */
    private static final int SMALL_M = 64;
    /** Block of the shared dimension in the packed path: a [KC, NR] panel of B is 48 KB at 512 bits. */
    static final int KC = 256;
    /** Products below this many multiply-adds stay on the calling thread: handing them over costs more. */
    private static final long PARALLEL_MIN = 1L << 18;
    /** Rows of C per block when a product is split by rows: a multiple of every tile's rows. */
    private static final int ROW_BLOCK = 16;

    /** Per-thread buffers: packed operands and a tile for edges and transposed output. */
    private static final class Scratch {
        float[] pack = new float[0];
        float[] edgeB = new float[0];
        final float[] sliver = new float[KC * MAX_ROWS];
        final float[] tile = new float[MAX_ROWS * NR];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    enum Form { NN, NT, TN }

    private VectorGemm() {}

    static void nn(GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(Form.NN, t, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    static void tn(GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(Form.TN, t, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    static void nt(GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(Form.NT, t, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    private static void gemm(Form form, GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        KernelPool pool = KernelThreads.pool();
        if (pool != null && (long) m * n * k >= PARALLEL_MIN && (n >= 2 * NR || m >= 2 * ROW_BLOCK)) {
            // by rows when there are few columns (the embedding's and the head's products), and when both operands
            // are packed and C has at least as many rows as columns: each part packs the operand it does not
            // split, and B (k x n) is then the smaller one (the recurrent weight gradient, 4H x H over T*B)
            boolean byRows = n < 2 * NR || (m > SMALL_M && m >= n);
            pool.gemm(form, t, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, byRows);
        } else {
            columns(form, t, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, 0, 1);
        }
    }

    /**
     * Part {@code part} of {@code parts} of the rows of {@code C}: contiguous ranges of whole blocks of
     * {@link #ROW_BLOCK} rows, the same for every call with the same {@code m}. Each element of C is still
     * one chain over the shared dimension, whichever path the part's rows take.
     */
    static void rows(Form form, GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean acc, int part, int parts) {
        int blocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        int i0 = Math.min(m, (int) ((long) blocks * part / parts) * ROW_BLOCK);
        int i1 = Math.min(m, (int) ((long) blocks * (part + 1) / parts) * ROW_BLOCK);
        if (i0 >= i1) {
            return;
        }
        // A's row i is at aOff + i * lda, except in TN, where A is read transposed and row i of C is column i of A
        int aRow = form == Form.TN ? i0 : i0 * lda;
        columns(form, t, i1 - i0, n, k, a, aOff + aRow, lda, b, bOff, ldb, c, cOff + i0 * ldc, ldc, acc, 0, 1);
    }

    /**
     * Part {@code part} of {@code parts} of the columns of {@code C}: contiguous ranges in whole register
     * tiles, the same for every call with the same {@code n}. Each column is computed entirely by one part.
     */
    static void columns(Form form, GemmTile t, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float[] c, int cOff, int ldc, boolean acc, int part, int parts) {
        int tiles = (n + NR - 1) / NR;
        int j0 = Math.min(n, (int) ((long) tiles * part / parts) * NR);
        int j1 = Math.min(n, (int) ((long) tiles * (part + 1) / parts) * NR);
        if (j0 >= j1) {
            return;
        }
        int w = j1 - j0;
        Scratch s = SCRATCH.get();
        switch (form) {
            case NN -> {
                if (m > SMALL_M) {
                    packed(t, m, w, k, a, aOff, lda, 1, b, bOff + j0, ldb, false, c, cOff + j0, ldc, acc, s);
                } else {
                    blocked(t, m, w, k, a, aOff, lda, 1, b, bOff + j0, ldb, false, c, cOff + j0, ldc, acc, false, s);
                }
            }
            case TN -> {
                if (m > SMALL_M) {
                    packed(t, m, w, k, a, aOff, 1, lda, b, bOff + j0, ldb, false, c, cOff + j0, ldc, acc, s);
                } else {
                    blocked(t, m, w, k, a, aOff, 1, lda, b, bOff + j0, ldb, false, c, cOff + j0, ldc, acc, false, s);
                }
            }
            case NT -> {
                if (m <= SMALL_M && m < n) {
                    // C^T[w,m] = W[w,k] * A^T[k,m]: W is the broadcast operand, A^T the packed vector operand
                    int mPad = roundUp(m, L);
                    float[] pack = grow(s, k * mPad);
                    transposeInto(m, k, a, aOff, lda, pack, mPad);
                    blocked(t, w, m, k, b, bOff + j0 * ldb, ldb, 1, pack, 0, mPad, true, c, cOff + j0, ldc, acc, true, s);
                } else {
                    packed(t, m, w, k, a, aOff, lda, 1, b, bOff + j0 * ldb, ldb, true, c, cOff + j0, ldc, acc, s);
                }
            }
        }
    }

    /** {@code dst[p, i] = src[i, p]} for {@code i < rows}, {@code p < k}; columns up to {@code ld} are zero. */
    private static void transposeInto(int rows, int k, float[] src, int off, int lds, float[] dst, int ld) {
        for (int p = 0; p < k; p++) {
            Arrays.fill(dst, p * ld + rows, p * ld + ld, 0f);
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
    static void blocked(GemmTile t, int m, int n, int k, float[] a, int aOff, int rsA, int csA, float[] b, int bOff, int ldb,
                        boolean bPadded, float[] c, int cOff, int ldc, boolean acc, boolean transposedOut, Scratch s) {
        // a long shared dimension in blocks of KC, each continuing the chains through C: a [KC, NR] slab of B
        // is then read from L2 by every tile of rows, not once from L3 per tile (the gradient into h, k = 4H);
        // up to 2 KC, a slab's reload and store of C cost more than they save (one thread, k = 512: 7 %)
        int block = k > 2 * KC ? KC : Math.max(k, 1);
        int p0 = 0;
        do { // once when k = 0: C is then zeroed, or kept when accumulating
            int kc = Math.min(block, k - p0);
            slab(t, m, n, kc, a, aOff + p0 * csA, rsA, csA, b, bOff + p0 * ldb, ldb, bPadded, c, cOff, ldc, acc || p0 > 0,
                    transposedOut, s);
            p0 += block;
        } while (p0 < k);
    }

    /** {@link #blocked} over one block of the shared dimension. */
    private static void slab(GemmTile t, int m, int n, int k, float[] a, int aOff, int rsA, int csA, float[] b, int bOff, int ldb,
                             boolean bPadded, float[] c, int cOff, int ldc, boolean acc, boolean transposedOut, Scratch s) {
        int j = 0;
        while (n - j >= L) {
            int nv = Math.min(NV, (n - j) / L);
            columnBlock(t, m, nv, nv * L, k, a, aOff, rsA, csA, b, bOff + j, ldb, c, cOff, ldc, j, acc, transposedOut, s);
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
                    Arrays.fill(eb, p * L + width, p * L + L, 0f);
                }
            }
            columnBlock(t, m, 1, width, k, a, aOff, rsA, csA, eb, ebOff, eld, c, cOff, ldc, j, acc, transposedOut, s);
        }
    }

    /** Columns {@code [j, j + width)} of C for all rows; {@code nv} vectors wide in registers. */
    private static void columnBlock(GemmTile t, int m, int nv, int width, int k, float[] a, int aOff, int rsA, int csA,
                                    float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int j,
                                    boolean acc, boolean transposedOut, Scratch s) {
        boolean direct = !transposedOut && width == nv * L;
        int mr = t.rows;
        int tr = t.transposedRows;
        int i = 0;
        if (nv == 2 && transposedOut) {
            // the per-step recurrent product (C^T = W A^T with A of 32 rows): two vectors per row leave
            // registers for more rows of W, which hides the fma latency better
            for (; i + tr <= m; i += tr) {
                loadTile(s.tile, tr, width, c, cOff, ldc, i, j, acc, true);
                if (tr == 12) {
                    WideMicroKernels.kernel12x2(k, a, aOff + i * rsA, rsA, csA, b, bOff, ldb, s.tile, 0, NR, acc);
                } else {
                    MicroKernels.kernel8x2(k, a, aOff + i * rsA, rsA, csA, b, bOff, ldb, s.tile, 0, NR, acc);
                }
                storeTile(s.tile, tr, width, c, cOff, ldc, i, j, true);
            }
        }
        for (; i < m; i += mr) {
            int rows = Math.min(mr, m - i);
            int ai = aOff + i * rsA;
            if (direct && rows == mr) {
                MicroKernels.kernel(mr, nv, k, a, ai, rsA, csA, b, bOff, ldb, c, cOff + i * ldc + j, ldc, acc);
                continue;
            }
            if (direct) {
                // too few rows for the register tile: one row and vector at a time, straight into C
                for (int r = 0; r < rows; r++) {
                    for (int v = 0; v < nv; v++) {
                        MicroKernels.kernel1x1(k, a, ai + r * rsA, csA, b, bOff + v * L, ldb, c,
                                cOff + (i + r) * ldc + j + v * L, acc);
                    }
                }
                continue;
            }
            loadTile(s.tile, rows, width, c, cOff, ldc, i, j, acc, transposedOut);
            if (rows == mr) {
                MicroKernels.kernel(mr, nv, k, a, ai, rsA, csA, b, bOff, ldb, s.tile, 0, NR, acc);
            } else {
                for (int r = 0; r < rows; r++) {
                    for (int v = 0; v < nv; v++) {
                        MicroKernels.kernel1x1(k, a, ai + r * rsA, csA, b, bOff + v * L, ldb, s.tile, r * NR + v * L, acc);
                    }
                }
            }
            storeTile(s.tile, rows, width, c, cOff, ldc, i, j, transposedOut);
        }
    }

    /**
     * {@code C (+)= A B} with both operands packed, for many rows of {@code A}: the shared dimension is
     * cut into blocks of {@link #KC}; per block, {@code B} is packed into panels of at most {@link #NR}
     * columns ({@code B(p,j) = b[bOff + p*ldb + j]}, or {@code b[bOff + j*ldb + p]} when
     * {@code bTransposed}) that stay in L2, and per tile of rows a sliver of {@code A} that stays in
     * L1 is reused against every panel. A block after the first continues each chain from {@code C}.
     */
    static void packed(GemmTile t, int m, int n, int k, float[] a, int aOff, int rsA, int csA, float[] b, int bOff, int ldb,
                       boolean bTransposed, float[] c, int cOff, int ldc, boolean acc, Scratch s) {
        if (k == 0) {
            if (!acc) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        int nPad = roundUp(n, L);
        int mr = t.rows;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            float[] pb = packPanels(n, kc, b, bOff, ldb, bTransposed, p0, s, nPad);
            float[] pa = s.sliver;
            boolean accNow = acc || p0 > 0;
            for (int i = 0; i < m; i += mr) {
                int rows = Math.min(mr, m - i);
                for (int p = 0; p < kc; p++) {
                    int src = aOff + i * rsA + (p0 + p) * csA;
                    for (int r = 0; r < mr; r++) {
                        pa[p * mr + r] = r < rows ? a[src + r * rsA] : 0f;
                    }
                }
                int j = 0;
                int panel = 0;
                while (j < n) {
                    int nv = Math.min(NV, (nPad - j) / L);
                    int width = Math.min(nv * L, n - j);
                    if (rows == mr && width == nv * L) {
                        MicroKernels.kernel(mr, nv, kc, pa, 0, 1, mr, pb, panel, nv * L, c, cOff + i * ldc + j, ldc, accNow);
                    } else {
                        // rows of the sliver beyond the matrix are zero and their results are dropped
                        loadTile(s.tile, rows, width, c, cOff, ldc, i, j, accNow, false);
                        MicroKernels.kernel(mr, nv, kc, pa, 0, 1, mr, pb, panel, nv * L, s.tile, 0, NR, accNow);
                        storeTile(s.tile, rows, width, c, cOff, ldc, i, j, false);
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
        float[] pb = grow(s, kc * nPad);
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
                        Arrays.fill(pb, panel + p * pw + width, panel + p * pw + pw, 0f);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j, pb, panel + p * pw, width);
                    if (width < pw) {
                        Arrays.fill(pb, panel + p * pw + width, panel + p * pw + pw, 0f);
                    }
                }
            }
            panel += kc * pw;
            j += pw;
        }
        return pb;
    }

    /**
     * Copies the part of {@code C} a tile covers into the scratch tile (row stride {@link #NR}) when the
     * chains continue from {@code C}. Lanes beyond it hold leftovers; their results are never stored.
     */
    private static void loadTile(float[] tile, int rows, int width, float[] c, int cOff, int ldc, int i, int j,
                                 boolean acc, boolean transposedOut) {
        if (!acc) {
            return;
        }
        if (transposedOut) {
            for (int q = 0; q < width; q++) {
                int at = cOff + (j + q) * ldc + i;
                for (int r = 0; r < rows; r++) {
                    tile[r * NR + q] = c[at + r];
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, cOff + (i + r) * ldc + j, tile, r * NR, width);
        }
    }

    private static void storeTile(float[] tile, int rows, int width, float[] c, int cOff, int ldc, int i, int j,
                                  boolean transposedOut) {
        if (transposedOut) {
            // tile row r is column i + r of C: walk C row by row so that the writes are contiguous
            for (int q = 0; q < width; q++) {
                int at = cOff + (j + q) * ldc + i;
                for (int r = 0; r < rows; r++) {
                    c[at + r] = tile[r * NR + q];
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cOff + (i + r) * ldc + j, width);
        }
    }
}
