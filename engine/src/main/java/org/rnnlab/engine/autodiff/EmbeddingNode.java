package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** {@code out[i] = table[ids[i]]}; the gradient is scattered back into the table's rows. */
final class EmbeddingNode extends Node {
    private final Node table;
    private final int[] ids;

    EmbeddingNode(Graph graph, Tensor out, Node table, int[] ids) {
        super(graph, out, table.requiresGrad);
        this.table = table;
        this.ids = ids;
        Tensor t = table.value;
        graph.kernels().gather(ids.length, t.dim(1), ids, 0, t.data(), t.offset(), out.data(), out.offset());
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        Tensor dt = table.grad();
        k.scatterAdd(ids.length, cols(), ids, 0, g.data(), g.offset(), dt.data(), dt.offset());
    }
}
