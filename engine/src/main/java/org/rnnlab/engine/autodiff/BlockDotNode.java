package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out[s, b] = rows[s * B + b] . query[b]}: one dot product per row of a time-major sequence
 * ({@code S} blocks of {@code B} rows) with its sequence's query row, i.e. a batched matrix-vector
 * product. Backward: {@code drows[sB+b] += g[s,b] * query[b]}, {@code dquery[b] += sum_s g[s,b] * rows[sB+b]}.
 */
final class BlockDotNode extends Node {
    private final Node rows;
    private final Node query;

    BlockDotNode(Graph graph, Tensor out, Node rows, Node query) {
        super(graph, out, rows.requiresGrad || query.requiresGrad);
        this.rows = rows;
        this.query = query;
        int blocks = out.dim(0);
        int batch = out.dim(1);
        int k = query.cols();
        float[] x = rows.value.data();
        int xo = rows.value.offset();
        float[] q = query.value.data();
        int qo = query.value.offset();
        float[] o = out.data();
        int oo = out.offset();
        for (int s = 0; s < blocks; s++) {
            for (int b = 0; b < batch; b++) {
                int xr = xo + (s * batch + b) * k;
                int qr = qo + b * k;
                float sum = 0f;
                for (int j = 0; j < k; j++) {
                    sum += x[xr + j] * q[qr + j];
                }
                o[oo + s * batch + b] = sum;
            }
        }
    }

    @Override
    void propagate(Tensor g, Kernels kernels) {
        int blocks = value.dim(0);
        int batch = value.dim(1);
        int k = query.cols();
        float[] gd = g.data();
        int go = g.offset();
        Tensor dx = rows.requiresGrad ? rows.grad() : null;
        Tensor dq = query.requiresGrad ? query.grad() : null;
        for (int s = 0; s < blocks; s++) {
            for (int b = 0; b < batch; b++) {
                float gs = gd[go + s * batch + b];
                int r = (s * batch + b) * k;
                if (dx != null) {
                    kernels.axpy(k, gs, query.value.data(), query.value.offset() + b * k, dx.data(), dx.offset() + r);
                }
                if (dq != null) {
                    kernels.axpy(k, gs, rows.value.data(), rows.value.offset() + r, dq.data(), dq.offset() + b * k);
                }
            }
        }
    }
}
