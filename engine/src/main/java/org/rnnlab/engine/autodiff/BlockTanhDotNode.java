package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out[s, b] = w . tanh(rows[s*B + b] + block[b])}: a {@code [B, n]} block added to every block of
 * a time-major sequence, squashed, and each row dotted with one weight row {@code w [1, n]}, in one
 * pass that keeps only the tanh values for backward (the composed form also keeps the sums and runs a
 * one-column product). With {@code t = tanh(..)} and {@code d = g[s,b] * w * (1 - t^2)}:
 * {@code drows[sB+b] += d}, {@code dblock[b] += d}, {@code dw += g[s,b] * t}.
 */
final class BlockTanhDotNode extends Node {
    private final Node rows;
    private final Node block;
    private final Node weights;
    private final Tensor squashed;

    BlockTanhDotNode(Graph graph, Tensor out, Node rows, Node block, Node weights) {
        super(graph, out, rows.requiresGrad || block.requiresGrad || weights.requiresGrad);
        this.rows = rows;
        this.block = block;
        this.weights = weights;
        this.squashed = graph.workspace().take(rows.value.shape());
        Kernels k = graph.kernels();
        int n = rows.cols();
        int batch = block.rows();
        int count = rows.rows();
        float[] t = squashed.data();
        int to = squashed.offset();
        float[] w = weights.value.data();
        int wo = weights.value.offset();
        for (int r = 0; r < count; r++) {
            k.add(n, rows.value.data(), rows.value.offset() + r * n, block.value.data(),
                    block.value.offset() + (r % batch) * n, t, to + r * n);
        }
        k.tanh(count * n, t, to, t, to);
        float[] o = out.data();
        int oo = out.offset();
        for (int r = 0; r < count; r++) {
            float sum = 0f;
            int base = to + r * n;
            for (int j = 0; j < n; j++) {
                sum += w[wo + j] * t[base + j];
            }
            o[oo + r] = sum;
        }
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int n = rows.cols();
        int batch = block.rows();
        int count = rows.rows();
        float[] gd = g.data();
        int go = g.offset();
        float[] t = squashed.data();
        int to = squashed.offset();
        Tensor scratch = graph.workspace().take(2, n);
        float[] s = scratch.data();
        int upstream = scratch.offset();
        int pre = upstream + n;
        Tensor dw = weights.requiresGrad ? weights.grad() : null;
        Tensor dx = rows.requiresGrad ? rows.grad() : null;
        Tensor db = block.requiresGrad ? block.grad() : null;
        for (int r = 0; r < count; r++) {
            float gr = gd[go + r];
            if (dw != null) {
                k.axpy(n, gr, t, to + r * n, dw.data(), dw.offset());
            }
            if (dx == null && db == null) {
                continue;
            }
            System.arraycopy(weights.value.data(), weights.value.offset(), s, upstream, n);
            k.scale(n, gr, s, upstream);
            k.tanhBackward(n, t, to + r * n, s, upstream, s, pre, false);
            if (dx != null) {
                k.axpy(n, 1f, s, pre, dx.data(), dx.offset() + r * n);
            }
            if (db != null) {
                k.axpy(n, 1f, s, pre, db.data(), db.offset() + (r % batch) * n);
            }
        }
    }
}
