package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;

/**
 * Binary cross-entropy of independent sigmoid outputs, computed from the logits in one pass (PyTorch's
 * {@code binary_cross_entropy_with_logits}): for each row {@code r} with {@code mask[r] != 0} and each
 * output {@code j}, with {@code x = logits[r, j]} and {@code y = target[r, j]},
 * {@code -y log sigmoid(x) - (1 - y) log(1 - sigmoid(x)) = max(x, 0) - x y + log(1 + exp(-|x|))}; the
 * terms are summed over the outputs and averaged over the counted rows. This form never takes the log of
 * a rounded probability, so it stays finite and exact for logits far from zero, where
 * {@code sigmoid(x)} rounds to 0 or 1 in float32.
 *
 * <p>The derivative with respect to the logit is {@code (sigmoid(x) - y) / counted}, known once the
 * forward pass is done, so the result is a {@link LossNode} whose backward is one {@code axpy}. Terms and
 * sums are computed in double from the float32 inputs; the loop is plain scalar code (one {@code exp} and
 * one {@code log1p} per element, small beside the matrix products that produce the logits), so both
 * kernel sets give identical bits.
 */
final class BinaryCrossEntropy {
    private BinaryCrossEntropy() {}

    static LossNode of(Graph graph, Var logitsVar, Tensor target, Tensor mask) {
        Node logits = graph.node(logitsVar, "binaryCrossEntropyWithLogits logits");
        if (logits.value.rank() != 2 || !logits.value.sameShape(target)
                || (mask != null && mask.size() != logits.rows())) {
            throw new ShapeException("binaryCrossEntropyWithLogits: logits " + logits.value + " need a matrix, a target of the"
                    + " same shape (got " + target + ")" + (mask == null ? "" : " and one mask entry per row (got " + mask + ")"));
        }
        int rows = logits.rows();
        int cols = logits.cols();
        Tensor unit = graph.workspace().take(rows, cols);
        Tensor out = graph.workspace().take();
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            counted += counts(mask, r) ? 1 : 0;
        }
        if (counted > 0) {
            out.data()[out.offset()] = (float) (accumulate(rows, cols, logits.value, target, mask, unit, 1.0 / counted)
                    / counted);
        }
        return new LossNode(graph, out, logits, unit);
    }

    /** Returns the summed loss of the counted rows and writes {@code (sigmoid(x) - y) * gradScale} into {@code grad}. */
    private static double accumulate(int rows, int cols, Tensor logits, Tensor target, Tensor mask, Tensor grad,
                                     double gradScale) {
        float[] x = logits.data();
        float[] y = target.data();
        float[] g = grad.data();
        int xo = logits.offset();
        int yo = target.offset();
        int go = grad.offset();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (!counts(mask, r)) {
                continue;
            }
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                double xj = x[xo + j];
                double yj = y[yo + j];
                double e = Math.exp(-Math.abs(xj));
                sum += Math.max(xj, 0) - xj * yj + Math.log1p(e);
                double p = xj >= 0 ? 1 / (1 + e) : e / (1 + e);
                g[go + j] = (float) ((p - yj) * gradScale);
            }
        }
        return sum;
    }

    private static boolean counts(Tensor mask, int row) {
        return mask == null || mask.data()[mask.offset() + row] != 0f;
    }
}
