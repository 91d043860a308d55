package org.rnnlab.engine.kernel;

import java.util.Arrays;

/**
 * The element-wise passes of {@link VectorKernels} that are worth splitting over a {@link KernelPool}:
 * each a preallocated job (its arguments set per call, so nothing allocates) that runs a fixed range of
 * rows or columns per part. Every element is computed as on one thread; the softmax losses are kept per
 * row and added in row order afterwards, as one thread adds them.
 */
final class PooledPasses {
    /** Passes over fewer elements than this stay on the calling thread. */
    static final int MIN_ELEMENTS = 1 << 14;
    /** Streaming passes (a fill, an {@code axpy}) over fewer elements than this stay on the calling thread. */
    static final int MIN_STREAM = KernelThreads.SPLIT_MIN_STREAM;
    /** Parts of a streaming pass start at multiples of this many elements: a cache line, so no line is shared. */
    private static final int STREAM_ALIGN = 16;

    private final KernelPool pool;
    private final LstmBackward lstm = new LstmBackward();
    private final BiasRows bias = new BiasRows();
    private final ColumnSums sums = new ColumnSums();
    private final Softmax softmax = new Softmax();
    private final Stream stream = new Stream();

    PooledPasses(KernelPool pool) {
        this.pool = pool;
    }

    static int from(int total, int part, int parts) {
        return (int) ((long) total * part / parts);
    }

    /** {@code y += alpha * x}, each part a range of elements. */
    void axpy(VectorKernels k, int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Stream j = stream;
        j.k = k;
        j.n = n;
        j.value = alpha;
        j.x = x;
        j.xOff = xOff;
        j.y = y;
        j.yOff = yOff;
        try {
            pool.run(j);
        } finally {
            j.x = j.y = null;
            j.k = null;
        }
    }

    /** {@code y[i] = value}, each part a range of elements. */
    void fill(int n, float value, float[] y, int yOff) {
        Stream j = stream;
        j.k = null;
        j.n = n;
        j.value = value;
        j.y = y;
        j.yOff = yOff;
        try {
            pool.run(j);
        } finally {
            j.y = null;
        }
    }

    void lstmBackwardPointwise(VectorKernels k, int rows, int h, float[] z, int zOff, float[] tc, int tcOff,
                               float[] cPrev, int cpOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff) {
        LstmBackward j = lstm;
        j.k = k;
        j.rows = rows;
        j.h = h;
        j.z = z;
        j.zOff = zOff;
        j.tc = tc;
        j.tcOff = tcOff;
        j.cPrev = cPrev;
        j.cpOff = cpOff;
        j.dh = dh;
        j.dhOff = dhOff;
        j.dc = dc;
        j.dcOff = dcOff;
        j.dz = dz;
        j.dzOff = dzOff;
        try {
            pool.run(j);
        } finally {
            j.z = j.tc = j.cPrev = j.dh = j.dc = j.dz = null;
        }
    }

    void addBias(VectorKernels k, int rows, int cols, float[] b, int bOff, float[] x, int xOff) {
        BiasRows j = bias;
        j.k = k;
        j.rows = rows;
        j.cols = cols;
        j.b = b;
        j.bOff = bOff;
        j.x = x;
        j.xOff = xOff;
        try {
            pool.run(j);
        } finally {
            j.b = j.x = null;
        }
    }

    void sumRows(VectorKernels k, int rows, int cols, float[] g, int gOff, float[] b, int bOff) {
        ColumnSums j = sums;
        j.k = k;
        j.rows = rows;
        j.cols = cols;
        j.g = g;
        j.gOff = gOff;
        j.b = b;
        j.bOff = bOff;
        try {
            pool.run(j);
        } finally {
            j.g = j.b = null;
        }
    }

    double softmaxCrossEntropy(VectorKernels k, int rows, int cols, float[] logits, int lOff, int[] target, int tOff,
                               float[] mask, int mOff, float[] grad, int gOff, float gradScale) {
        Softmax j = softmax;
        if (j.losses.length < rows) {
            j.losses = new double[rows];
        }
        j.k = k;
        j.rows = rows;
        j.cols = cols;
        j.logits = logits;
        j.lOff = lOff;
        j.target = target;
        j.tOff = tOff;
        j.mask = mask;
        j.mOff = mOff;
        j.grad = grad;
        j.gOff = gOff;
        j.gradScale = gradScale;
        try {
            pool.run(j);
        } finally {
            j.logits = j.mask = j.grad = null;
            j.target = null;
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += j.losses[r];
        }
        return loss;
    }

    private static final class LstmBackward implements KernelPool.Job {
        VectorKernels k;
        int rows;
        int h;
        float[] z;
        int zOff;
        float[] tc;
        int tcOff;
        float[] cPrev;
        int cpOff;
        float[] dh;
        int dhOff;
        float[] dc;
        int dcOff;
        float[] dz;
        int dzOff;

        @Override
        public void run(int part, int parts) {
            int r0 = from(rows, part, parts);
            int r1 = from(rows, part + 1, parts);
            int g = 4 * h;
            k.lstmBackwardColumns(r1 - r0, h, 0, h, z, zOff + r0 * g, tc, tcOff + r0 * h, cPrev, cpOff + r0 * h, dh, dhOff + r0 * h,
                    dc, dcOff + r0 * h, dz, dzOff + r0 * g);
        }
    }

    /** A fill ({@code k} null) or an {@code axpy}, over ranges of whole cache lines. */
    private static final class Stream implements KernelPool.Job {
        VectorKernels k;
        int n;
        float value;
        float[] x;
        int xOff;
        float[] y;
        int yOff;

        @Override
        public void run(int part, int parts) {
            int blocks = (n + STREAM_ALIGN - 1) / STREAM_ALIGN;
            int i0 = Math.min(n, from(blocks, part, parts) * STREAM_ALIGN);
            int i1 = Math.min(n, from(blocks, part + 1, parts) * STREAM_ALIGN);
            if (k == null) {
                Arrays.fill(y, yOff + i0, yOff + i1, value);
            } else {
                k.axpyRange(i1 - i0, value, x, xOff + i0, y, yOff + i0);
            }
        }
    }

    private static final class BiasRows implements KernelPool.Job {
        VectorKernels k;
        int rows;
        int cols;
        float[] b;
        int bOff;
        float[] x;
        int xOff;

        @Override
        public void run(int part, int parts) {
            int r0 = from(rows, part, parts);
            int r1 = from(rows, part + 1, parts);
            k.addBiasRows(r1 - r0, cols, b, bOff, x, xOff + r0 * cols);
        }
    }

    private static final class ColumnSums implements KernelPool.Job {
        VectorKernels k;
        int rows;
        int cols;
        float[] g;
        int gOff;
        float[] b;
        int bOff;

        @Override
        public void run(int part, int parts) {
            int c0 = from(cols, part, parts);
            int c1 = from(cols, part + 1, parts);
            k.sumRowsColumns(rows, cols, c0, c1, g, gOff, b, bOff);
        }
    }

    private static final class Softmax implements KernelPool.Job {
        double[] losses = new double[0];
        VectorKernels k;
        int rows;
        int cols;
        float[] logits;
        int lOff;
        int[] target;
        int tOff;
        float[] mask;
        int mOff;
        float[] grad;
        int gOff;
        float gradScale;

        @Override
        public void run(int part, int parts) {
            int r0 = from(rows, part, parts);
            int r1 = from(rows, part + 1, parts);
            for (int r = r0; r < r1; r++) {
                losses[r] = k.softmaxRow(r, cols, logits, lOff, target, tOff, mask, mOff, grad, gOff, gradScale);
            }
        }
    }
}
