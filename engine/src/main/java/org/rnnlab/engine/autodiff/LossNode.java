package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * A scalar computed from one input whose derivative with respect to that input is known once the
 * forward pass is done ({@code unitGrad}: d loss / d input). Softmax cross-entropy, mean squared error,
 * the dot-product probe and {@link BinaryCrossEntropy} all have this form, so backward is one {@code axpy}.
 */
final class LossNode extends Node {
    private final Node input;
    private final Tensor unitGrad;

    LossNode(Graph graph, Tensor out, Node input, Tensor unitGrad) {
        super(graph, out, input.requiresGrad);
        this.input = input;
        this.unitGrad = unitGrad;
    }

    static LossNode softmaxCrossEntropy(Graph graph, Node logits, int[] targets, Tensor mask) {
        int rows = logits.rows();
        int classes = logits.cols();
        int counted = countedRows(rows, mask);
        Tensor unit = graph.workspace().take(rows, classes);
        Tensor out = graph.workspace().take();
        if (counted > 0) {
            Tensor l = logits.value;
            double sum = graph.kernels().softmaxCrossEntropy(rows, classes, l.data(), l.offset(), targets, 0,
                    mask == null ? null : mask.data(), mask == null ? 0 : mask.offset(),
                    unit.data(), unit.offset(), 1f / counted);
            out.data()[out.offset()] = (float) (sum / counted);
        }
        return new LossNode(graph, out, logits, unit);
    }

    static LossNode meanSquaredError(Graph graph, Node prediction, Tensor target, Tensor mask) {
        int rows = prediction.rows();
        int cols = prediction.cols();
        long counted = (long) countedRows(rows, mask) * cols;
        Tensor unit = graph.workspace().take(prediction.value.shape());
        Tensor out = graph.workspace().take();
        if (counted > 0) {
            float[] p = prediction.value.data();
            int po = prediction.value.offset();
            float[] t = target.data();
            int to = target.offset();
            float[] u = unit.data();
            int uo = unit.offset();
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                if (mask != null && mask.data()[mask.offset() + r] == 0f) {
                    continue;
                }
                for (int j = r * cols; j < (r + 1) * cols; j++) {
                    float d = p[po + j] - t[to + j];
                    sum += (double) d * d;
                    u[uo + j] = (float) (2.0 * d / counted);
                }
            }
            out.data()[out.offset()] = (float) (sum / counted);
        }
        return new LossNode(graph, out, prediction, unit);
    }

    static LossNode dot(Graph graph, Node x, Tensor weights) {
        Tensor out = graph.workspace().take();
        float[] xv = x.value.data();
        int xo = x.value.offset();
        float[] w = weights.data();
        int wo = weights.offset();
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += (double) xv[xo + i] * w[wo + i];
        }
        out.data()[out.offset()] = (float) sum;
        return new LossNode(graph, out, x, weights);
    }

    private static int countedRows(int rows, Tensor mask) {
        if (mask == null) {
            return rows;
        }
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (mask.data()[mask.offset() + r] != 0f) {
                n++;
            }
        }
        return n;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        Tensor dx = input.grad();
        k.axpy(unitGrad.size(), g.item(), unitGrad.data(), unitGrad.offset(), dx.data(), dx.offset());
    }
}
