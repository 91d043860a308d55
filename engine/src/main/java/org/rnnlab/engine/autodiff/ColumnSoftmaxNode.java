package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * Softmax down each column of {@code x[S, B]} over the entries whose mask is not 0 (a time-major
 * {@code [S * B]} mask, or null for none); masked entries get weight 0, and a column with no entry
 * left is all zeros rather than NaN. Backward: {@code dx[s,b] += y[s,b] * (g[s,b] - sum_s' y[s',b] g[s',b])},
 * which is 0 at masked entries since their {@code y} is 0.
 */
final class ColumnSoftmaxNode extends Node {
    private final Node x;

    ColumnSoftmaxNode(Graph graph, Tensor out, Node x, Tensor mask) {
        super(graph, out, x.requiresGrad);
        this.x = x;
        int rows = x.rows();
        int cols = x.cols();
        float[] in = x.value.data();
        int io = x.value.offset();
        float[] o = out.data();
        int oo = out.offset();
        for (int c = 0; c < cols; c++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (counted(mask, r * cols + c)) {
                    max = Math.max(max, in[io + r * cols + c]);
                }
            }
            if (max == Float.NEGATIVE_INFINITY) {
                continue;
            }
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                if (counted(mask, r * cols + c)) {
                    float e = (float) Math.exp(in[io + r * cols + c] - max);
                    o[oo + r * cols + c] = e;
                    sum += e;
                }
            }
            float inverse = (float) (1.0 / sum);
            for (int r = 0; r < rows; r++) {
                o[oo + r * cols + c] *= inverse;
            }
        }
    }

    private static boolean counted(Tensor mask, int i) {
        return mask == null || mask.data()[mask.offset() + i] != 0f;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int rows = rows();
        int cols = cols();
        float[] y = value.data();
        int yo = value.offset();
        float[] gd = g.data();
        int go = g.offset();
        Tensor dx = x.grad();
        float[] d = dx.data();
        int dof = dx.offset();
        for (int c = 0; c < cols; c++) {
            float dot = 0f;
            for (int r = 0; r < rows; r++) {
                dot += y[yo + r * cols + c] * gd[go + r * cols + c];
            }
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                d[dof + i] += y[yo + i] * (gd[go + i] - dot);
            }
        }
    }
}
