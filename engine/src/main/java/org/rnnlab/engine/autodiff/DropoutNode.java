package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out = x * mask} with a constant {@code mask} of the same shape that holds 0 (dropped) or the
 * inverted scale {@code 1 / (1 - p)} (kept): PyTorch's training-mode dropout, {@code input * noise} where
 * {@code noise = bernoulli(1 - p) / (1 - p)}. Backward: {@code dx += g * mask}. The mask gets no gradient.
 */
final class DropoutNode extends Node {
    private final Node x;
    private final Tensor mask;

    DropoutNode(Graph graph, Tensor out, Node x, Tensor mask) {
        super(graph, out, x.requiresGrad);
        this.x = x;
        this.mask = mask;
        graph.kernels().mul(out.size(), x.value.data(), x.value.offset(), mask.data(), mask.offset(), out.data(),
                out.offset());
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        Tensor dx = x.grad();
        k.mulAccumulate(g.size(), g.data(), g.offset(), mask.data(), mask.offset(), dx.data(), dx.offset());
    }
}
