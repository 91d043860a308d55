package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out[s * B + b] = rows[s * B + b] + block[b]}: one {@code [B, n]} block added to every block of
 * a time-major sequence. Backward: {@code drows += g}, {@code dblock[b] += sum_s g[sB+b]}.
 */
final class AddToBlocksNode extends Node {
    private final Node rows;
    private final Node block;

    AddToBlocksNode(Graph graph, Tensor out, Node rows, Node block) {
        super(graph, out, rows.requiresGrad || block.requiresGrad);
        this.rows = rows;
        this.block = block;
        Kernels k = graph.kernels();
        int size = block.value.size();
        out.copyFrom(rows.value);
        for (int at = 0; at < out.size(); at += size) {
            k.axpy(size, 1f, block.value.data(), block.value.offset(), out.data(), out.offset() + at);
        }
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        if (rows.requiresGrad) {
            Tensor dx = rows.grad();
            k.axpy(g.size(), 1f, g.data(), g.offset(), dx.data(), dx.offset());
        }
        if (block.requiresGrad) {
            Tensor db = block.grad();
            int size = db.size();
            for (int at = 0; at < g.size(); at += size) {
                k.axpy(size, 1f, g.data(), g.offset() + at, db.data(), db.offset());
            }
        }
    }
}
