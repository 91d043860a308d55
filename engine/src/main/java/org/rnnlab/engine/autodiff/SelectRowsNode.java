package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** Per row: {@code mask[r] != 0 ? a[r] : b[r]}, e.g. keeping the state of a padded time step. */
final class SelectRowsNode extends Node {
    private final Tensor mask;
    private final Node a;
    private final Node b;

    SelectRowsNode(Graph graph, Tensor out, Tensor mask, Node a, Node b) {
        super(graph, out, a.requiresGrad || b.requiresGrad);
        this.mask = mask;
        this.a = a;
        this.b = b;
        int cols = cols();
        for (int r = 0; r < rows(); r++) {
            Tensor src = pick(r) ? a.value : b.value;
            System.arraycopy(src.data(), src.offset() + r * cols, out.data(), out.offset() + r * cols, cols);
        }
    }

    private boolean pick(int r) {
        return mask.data()[mask.offset() + r] != 0f;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int cols = cols();
        for (int r = 0; r < rows(); r++) {
            Node to = pick(r) ? a : b;
            if (to.requiresGrad) {
                Tensor d = to.grad();
                k.axpy(cols, 1f, g.data(), g.offset() + r * cols, d.data(), d.offset() + r * cols);
            }
        }
    }
}
