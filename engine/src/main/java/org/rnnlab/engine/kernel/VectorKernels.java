package org.rnnlab.engine.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API, at the platform's preferred width ({@code FloatVector.SPECIES_PREFERRED}) or
 * the one {@code -Drnnlab.vectorBits=128|256|512} asks for. Each loop runs whole vectors up to
 * {@code loopBound} and finishes with a scalar tail that repeats the lane's operations; the GEMMs live in
 * {@link VectorGemm}, exp/sigmoid/tanh in {@link VectorMath}. Results equal {@link ScalarKernels} bit for
 * bit (see {@link Kernels} for the order every element is computed in), which the tests check.
 */
public final class VectorKernels implements Kernels {
    /** Forces the vector width in bits (128, 256 or 512, at most the platform's). */
    public static final String BITS_PROPERTY = "rnnlab.vectorBits";
    static final VectorSpecies<Float> S = species(System.getProperty(BITS_PROPERTY));
    private static final int L = S.length();

    /** The species for a {@link #BITS_PROPERTY} value (null: the preferred one). */
    static VectorSpecies<Float> species(String bits) {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        if (bits == null || bits.isBlank()) {
            return preferred;
        }
        VectorSpecies<Float> s = switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("-D" + BITS_PROPERTY + "=" + bits
                    + " is not a vector width; use 128, 256 or 512");
        };
        if (s.vectorBitSize() > preferred.vectorBitSize()) {
            throw new IllegalArgumentException("-D" + BITS_PROPERTY + "=" + bits + " is wider than this CPU's "
                    + preferred.vectorBitSize() + "-bit vectors");
        }
        return s;
    }

    private final GemmTile tile;

    /** The kernels with this machine's GEMM tile ({@link GemmTile#choose}). */
    public VectorKernels() {
        this(VectorGemm.TILE);
    }

    /** The kernels with the given GEMM tile (tests compare every tile). */
    VectorKernels(GemmTile tile) {
        this.tile = tile;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int vectorBits() {
        return S.vectorBitSize();
    }

    @Override
    public String tile() {
        return tile.toString();
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        VectorGemm.nn(tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        VectorGemm.nt(tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        VectorGemm.tn(tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        KernelPool pool = n >= PooledPasses.MIN_STREAM ? KernelThreads.pool() : null; // no lookup for small ones
        if (pool != null) {
            pool.passes.axpy(this, n, alpha, x, xOff, y, yOff);
        } else {
            axpyRange(n, alpha, x, xOff, y, yOff);
        }
    }

    @Override
    public void fill(int n, float value, float[] x, int xOff) {
        KernelPool pool = n >= PooledPasses.MIN_STREAM ? KernelThreads.pool() : null;
        if (pool != null) {
            pool.passes.fill(n, value, x, xOff);
        } else {
            Arrays.fill(x, xOff, xOff + n, value);
        }
    }

    /** {@link #axpy} on this thread. */
    void axpyRange(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i)
                    .fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, y, yOff + i)).intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void mulAccumulate(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i)
                    .fma(FloatVector.fromArray(S, y, yOff + i), FloatVector.fromArray(S, z, zOff + i))
                    .intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = Math.fma(x[xOff + i], y[yOff + i], z[zOff + i]);
        }
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff) {
        KernelPool pool = KernelThreads.pool();
        if (pool != null && rows > 1 && (long) rows * cols >= PooledPasses.MIN_ELEMENTS) {
            pool.passes.addBias(this, rows, cols, bias, biasOff, x, xOff);
        } else {
            addBiasRows(rows, cols, bias, biasOff, x, xOff);
        }
    }

    void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff) {
        for (int r = 0; r < rows; r++) {
            add(cols, x, xOff + r * cols, bias, biasOff, x, xOff + r * cols);
        }
    }

    @Override
    public void sumRows(int rows, int cols, float[] g, int gOff, float[] bias, int biasOff) {
        KernelPool pool = KernelThreads.pool();
        if (pool != null && cols >= 2 * L && (long) rows * cols >= PooledPasses.MIN_ELEMENTS) {
            pool.passes.sumRows(this, rows, cols, g, gOff, bias, biasOff);
        } else {
            sumRowsColumns(rows, cols, 0, cols, g, gOff, bias, biasOff);
        }
    }

    /** Columns {@code [c0, c1)} of {@link #sumRows}: each column still adds the rows in order. */
    void sumRowsColumns(int rows, int cols, int c0, int c1, float[] g, int gOff, float[] bias, int biasOff) {
        for (int r = 0; r < rows; r++) {
            add(c1 - c0, bias, biasOff + c0, g, gOff + r * cols + c0, bias, biasOff + c0);
        }
    }

    @Override
    public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMath.sigmoid(x, xOff + i, y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = FloatMath.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMath.tanh(x, xOff + i, y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = FloatMath.tanh(x[xOff + i]);
        }
    }

    @Override
    public void relu(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    @Override
    public void sigmoidBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                boolean accumulate) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i).mul(v).mul(v.neg().add(1f));
            if (accumulate) {
                d.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
            } else {
                d.intoArray(dx, dxOff + i);
            }
        }
        for (; i < n; i++) {
            float v = y[yOff + i];
            float d = dy[dyOff + i] * v * (1f - v);
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public void tanhBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                             boolean accumulate) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i).mul(v.mul(v).neg().add(1f));
            if (accumulate) {
                d.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
            } else {
                d.intoArray(dx, dxOff + i);
            }
        }
        for (; i < n; i++) {
            float v = y[yOff + i];
            float d = dy[dyOff + i] * (1f - v * v);
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public void reluBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                             boolean accumulate) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i)
                    .blend(0f, v.compare(VectorOperators.LE, 0f));
            if (accumulate) {
                d.add(FloatVector.fromArray(S, dx, dxOff + i)).intoArray(dx, dxOff + i);
            } else {
                d.intoArray(dx, dxOff + i);
            }
        }
        for (; i < n; i++) {
            float d = y[yOff + i] <= 0f ? 0f : dy[dyOff + i];
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] target, int tOff,
                                      float[] mask, int mOff, float[] grad, int gOff, float gradScale) {
        KernelPool pool = KernelThreads.pool();
        if (pool != null && rows > 1 && (long) rows * cols >= PooledPasses.MIN_ELEMENTS) {
            return pool.passes.softmaxCrossEntropy(this, rows, cols, logits, lOff, target, tOff, mask, mOff, grad, gOff,
                    gradScale);
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += softmaxRow(r, cols, logits, lOff, target, tOff, mask, mOff, grad, gOff, gradScale);
        }
        return loss;
    }

    /** Row {@code r} of {@link #softmaxCrossEntropy}: writes its gradient and returns its loss. */
    double softmaxRow(int r, int cols, float[] logits, int lOff, int[] target, int tOff, float[] mask, int mOff,
                      float[] grad, int gOff, float gradScale) {
        int lr = lOff + r * cols;
        int gr = gOff + r * cols;
        float w = mask == null ? 1f : mask[mOff + r];
        if (w == 0f) {
            java.util.Arrays.fill(grad, gr, gr + cols, 0f);
            return 0;
        }
        int bound = S.loopBound(cols);
        float max = Float.NEGATIVE_INFINITY;
        int j = 0;
        if (bound > 0) {
            FloatVector mv = FloatVector.fromArray(S, logits, lr);
            for (j = L; j < bound; j += L) {
                mv = mv.max(FloatVector.fromArray(S, logits, lr + j));
            }
            max = mv.reduceLanes(VectorOperators.MAX);
        }
        for (; j < cols; j++) {
            max = Math.max(max, logits[lr + j]);
        }
        for (j = 0; j < bound; j += L) {
            VectorMath.exp(FloatVector.fromArray(S, logits, lr + j).sub(max)).intoArray(grad, gr + j);
        }
        for (; j < cols; j++) {
            grad[gr + j] = FloatMath.exp(logits[lr + j] - max);
        }
        // left to right, as the scalar kernel: lane-wise partial sums would depend on the vector width
        float sum = 0f;
        for (j = 0; j < cols; j++) {
            sum += grad[gr + j];
        }
        int t = target[tOff + r];
        scale(cols, w * gradScale / sum, grad, gr);
        grad[gr + t] -= w * gradScale;
        return w * (Math.log(sum) - (logits[lr + t] - max));
    }

    @Override
    public double sum(int n, float[] x, int xOff) {
        return Sums.sum(n, x, xOff);
    }

    @Override
    public double sumOfSquares(int n, float[] x, int xOff) {
        return Sums.sumOfSquares(n, x, xOff);
    }

    @Override
    public void lstmBackwardPointwise(int rows, int h, float[] z, int zOff, float[] tc, int tcOff, float[] cPrev,
                                      int cpOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff) {
        KernelPool pool = KernelThreads.pool();
        if (pool != null && rows > 1 && (long) rows * h >= PooledPasses.MIN_ELEMENTS / 4) {
            pool.passes.lstmBackwardPointwise(this, rows, h, z, zOff, tc, tcOff, cPrev, cpOff, dh, dhOff, dc, dcOff, dz, dzOff);
        } else {
            lstmBackwardColumns(rows, h, 0, h, z, zOff, tc, tcOff, cPrev, cpOff, dh, dhOff, dc, dcOff, dz, dzOff);
        }
    }

    @Override
    public void lstmBackwardColumns(int rows, int h, int from, int to, float[] z, int zOff, float[] tc, int tcOff,
                                    float[] cPrev, int cpOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff) {
        int bound = from + S.loopBound(to - from);
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * 4 * h;
            int dr = dzOff + r * 4 * h;
            int e0 = r * h;
            int j = from;
            for (; j < bound; j += L) {
                int e = e0 + j;
                FloatVector gi = FloatVector.fromArray(S, z, zr + j);
                FloatVector gf = FloatVector.fromArray(S, z, zr + h + j);
                FloatVector gg = FloatVector.fromArray(S, z, zr + 2 * h + j);
                FloatVector go = FloatVector.fromArray(S, z, zr + 3 * h + j);
                FloatVector t = FloatVector.fromArray(S, tc, tcOff + e);
                FloatVector d = FloatVector.fromArray(S, dh, dhOff + e);
                d.mul(t).mul(go).mul(go.neg().add(1f)).intoArray(dz, dr + 3 * h + j);
                FloatVector c = FloatVector.fromArray(S, dc, dcOff + e).add(d.mul(go).mul(t.mul(t).neg().add(1f)));
                c.mul(gg).mul(gi).mul(gi.neg().add(1f)).intoArray(dz, dr + j);
                c.mul(gi).mul(gg.mul(gg).neg().add(1f)).intoArray(dz, dr + 2 * h + j);
                c.mul(FloatVector.fromArray(S, cPrev, cpOff + e)).mul(gf).mul(gf.neg().add(1f)).intoArray(dz, dr + h + j);
                c.mul(gf).intoArray(dc, dcOff + e);
                FloatVector.zero(S).intoArray(dh, dhOff + e);
            }
            for (; j < to; j++) {
                int e = e0 + j;
                float gi = z[zr + j];
                float gf = z[zr + h + j];
                float gg = z[zr + 2 * h + j];
                float go = z[zr + 3 * h + j];
                float t = tc[tcOff + e];
                float d = dh[dhOff + e];
                dz[dr + 3 * h + j] = d * t * go * (1f - go);
                float c = dc[dcOff + e] + d * go * (1f - t * t);
                dz[dr + j] = c * gg * gi * (1f - gi);
                dz[dr + 2 * h + j] = c * gi * (1f - gg * gg);
                dz[dr + h + j] = c * cPrev[cpOff + e] * gf * (1f - gf);
                dc[dcOff + e] = c * gf;
                dh[dhOff + e] = 0f;
            }
        }
    }
}
