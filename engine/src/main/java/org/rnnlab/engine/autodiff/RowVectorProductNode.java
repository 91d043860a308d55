package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out[r, j] = x[r, j] * v[j]}: a vector of {@code n} entries multiplied into every row of
 * {@code x [m, n]} (an IndRNN's {@code u * h}, a per-unit gate). Backward: {@code dx[r] += g[r] * v},
 * {@code dv += sum_r g[r] * x[r]}.
 *
 * <p>Built from the row-sized {@code mul} and {@code mulAccumulate} of {@link Kernels}, so the scalar and
 * the vector kernel sets each carry it and are tested against each other there.
 */
final class RowVectorProductNode extends Node {
    private final Node x;
    private final Node v;

    RowVectorProductNode(Graph graph, Tensor out, Node x, Node v) {
        super(graph, out, x.requiresGrad || v.requiresGrad);
        this.x = x;
        this.v = v;
        Kernels k = graph.kernels();
        int n = cols();
        for (int r = 0; r < rows(); r++) {
            k.mul(n, x.value.data(), x.value.offset() + r * n, v.value.data(), v.value.offset(), out.data(),
                    out.offset() + r * n);
        }
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int n = cols();
        for (int r = 0; r < rows(); r++) {
            int at = r * n;
            if (x.requiresGrad) {
                Tensor dx = x.grad();
                k.mulAccumulate(n, g.data(), g.offset() + at, v.value.data(), v.value.offset(), dx.data(), dx.offset() + at);
            }
            if (v.requiresGrad) {
                Tensor dv = v.grad();
                k.mulAccumulate(n, g.data(), g.offset() + at, x.value.data(), x.value.offset() + at, dv.data(), dv.offset());
            }
        }
    }
}
