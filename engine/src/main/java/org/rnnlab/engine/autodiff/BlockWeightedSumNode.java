package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * {@code out[b] = sum_s weights[s, b] * rows[s * B + b]}: per sequence, the weighted sum of its rows in
 * a time-major sequence of {@code S} blocks of {@code B} rows. Backward:
 * {@code dweights[s,b] += g[b] . rows[sB+b]}, {@code drows[sB+b] += weights[s,b] * g[b]}.
 */
final class BlockWeightedSumNode extends Node {
    private final Node weights;
    private final Node rows;

    BlockWeightedSumNode(Graph graph, Tensor out, Node weights, Node rows) {
        super(graph, out, weights.requiresGrad || rows.requiresGrad);
        this.weights = weights;
        this.rows = rows;
        int blocks = weights.rows();
        int batch = weights.cols();
        int h = cols();
        Kernels k = graph.kernels();
        float[] w = weights.value.data();
        int wo = weights.value.offset();
        for (int s = 0; s < blocks; s++) {
            for (int b = 0; b < batch; b++) {
                k.axpy(h, w[wo + s * batch + b], rows.value.data(), rows.value.offset() + (s * batch + b) * h,
                        out.data(), out.offset() + b * h);
            }
        }
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int blocks = weights.rows();
        int batch = weights.cols();
        int h = cols();
        float[] gd = g.data();
        int go = g.offset();
        float[] x = rows.value.data();
        int xo = rows.value.offset();
        float[] w = weights.value.data();
        int wo = weights.value.offset();
        Tensor dw = weights.requiresGrad ? weights.grad() : null;
        Tensor dx = rows.requiresGrad ? rows.grad() : null;
        for (int s = 0; s < blocks; s++) {
            for (int b = 0; b < batch; b++) {
                int r = (s * batch + b) * h;
                if (dw != null) {
                    float sum = 0f;
                    for (int j = 0; j < h; j++) {
                        sum += gd[go + b * h + j] * x[xo + r + j];
                    }
                    dw.data()[dw.offset() + s * batch + b] += sum;
                }
                if (dx != null) {
                    k.axpy(h, w[wo + s * batch + b], gd, go + b * h, dx.data(), dx.offset() + r);
                }
            }
        }
    }
}
