package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** The same elements under another shape (a view, no copy); the gradient passes through unchanged. */
final class ReshapeNode extends Node {
    private final Node x;

    ReshapeNode(Graph graph, Node x, int[] shape) {
        super(graph, x.value.reshape(shape), x.requiresGrad);
        this.x = x;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        Tensor dx = x.grad();
        k.axpy(g.size(), 1f, g.data(), g.offset(), dx.data(), dx.offset());
    }
}
