package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** A constant, or a parameter whose gradient is added into the caller's accumulator. */
final class Leaf extends Node {
    private final Tensor accumulator;

    Leaf(Graph graph, Tensor value, Tensor accumulator) {
        super(graph, value, accumulator != null);
        this.accumulator = accumulator;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        k.axpy(g.size(), 1f, g.data(), g.offset(), accumulator.data(), accumulator.offset());
    }
}
