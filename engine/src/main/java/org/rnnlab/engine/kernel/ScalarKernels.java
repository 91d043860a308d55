package org.rnnlab.engine.kernel;

import java.util.Arrays;

/**
 * The reference kernels: plain loops, one element at a time, in the order {@link Kernels} defines (a GEMM
 * element is a chain of {@link Math#fma} along the shared dimension). Every {@link VectorKernels} method
 * is tested against the method of the same name here, bit for bit.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int vectorBits() {
        return Float.SIZE;
    }

    @Override
    public void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * lda + p];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                int ci = cOff + i * ldc + j;
                float s = accumulate ? c[ci] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ai + p], b[bj + p], s);
                }
                c[ci] = s;
            }
        }
    }

    @Override
    public void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * lda;
            int bp = bOff + p * ldb;
            for (int i = 0; i < m; i++) {
                float api = a[ap + i];
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(api, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void fill(int n, float value, float[] x, int xOff) {
        Arrays.fill(x, xOff, xOff + n, value);
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public void mulAccumulate(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = Math.fma(x[xOff + i], y[yOff + i], z[zOff + i]);
        }
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols;
            for (int j = 0; j < cols; j++) {
                x[xr + j] += bias[biasOff + j];
            }
        }
    }

    @Override
    public void sumRows(int rows, int cols, float[] g, int gOff, float[] bias, int biasOff) {
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * cols;
            for (int j = 0; j < cols; j++) {
                bias[biasOff + j] += g[gr + j];
            }
        }
    }

    @Override
    public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = FloatMath.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = FloatMath.tanh(x[xOff + i]);
        }
    }

    @Override
    public void relu(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    @Override
    public void sigmoidBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                boolean accumulate) {
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            float d = dy[dyOff + i] * v * (1f - v);
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public void tanhBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                             boolean accumulate) {
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            float d = dy[dyOff + i] * (1f - v * v);
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public void reluBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                             boolean accumulate) {
        for (int i = 0; i < n; i++) {
            float d = y[yOff + i] <= 0f ? 0f : dy[dyOff + i];
            dx[dxOff + i] = accumulate ? dx[dxOff + i] + d : d;
        }
    }

    @Override
    public double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] target, int tOff,
                                      float[] mask, int mOff, float[] grad, int gOff, float gradScale) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int lr = lOff + r * cols;
            int gr = gOff + r * cols;
            float w = mask == null ? 1f : mask[mOff + r];
            if (w == 0f) {
                java.util.Arrays.fill(grad, gr, gr + cols, 0f);
                continue;
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[lr + j]);
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = FloatMath.exp(logits[lr + j] - max);
                grad[gr + j] = e;
                sum += e;
            }
            int t = target[tOff + r];
            loss += w * (Math.log(sum) - (logits[lr + t] - max));
            float norm = w * gradScale / sum;
            for (int j = 0; j < cols; j++) {
                grad[gr + j] *= norm;
            }
            grad[gr + t] -= w * gradScale;
        }
        return loss;
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
        lstmBackwardColumns(rows, h, 0, h, z, zOff, tc, tcOff, cPrev, cpOff, dh, dhOff, dc, dcOff, dz, dzOff);
    }

    @Override
    public void lstmBackwardColumns(int rows, int h, int from, int to, float[] z, int zOff, float[] tc, int tcOff,
                                    float[] cPrev, int cpOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff) {
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * 4 * h;
            int dr = dzOff + r * 4 * h;
            for (int j = from; j < to; j++) {
                int e = r * h + j;
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
