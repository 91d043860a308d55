package org.rnnlab.model.train;

import java.util.List;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/**
 * Gradient clipping as PyTorch does it. By global norm ({@code torch.nn.utils.clip_grad_norm_}): the
 * norm of all gradients taken together is measured, and when {@code maxNorm / (norm + 1e-6)} is below
 * one every gradient is multiplied by it. By value ({@code clip_grad_value_}): every element is
 * limited to {@code [-limit, limit]}. Norms are accumulated in double.
 */
public final class GradientClipping {
    /** PyTorch's guard against dividing by a zero norm. */
    public static final double EPSILON = 1e-6;

    private GradientClipping() {}

    /** The L2 norm of every gradient taken together (NaN or infinite if any element is). */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            sum += sumOfSquares(p.grad());
        }
        return Math.sqrt(sum);
    }

    /** The L2 norm of one tensor. */
    public static double norm(Tensor t) {
        return Math.sqrt(sumOfSquares(t));
    }

    /**
     * Scales the gradients so that their global norm is at most {@code maxNorm}; returns the norm
     * measured before clipping. {@code maxNorm <= 0} only measures. A non-finite norm is returned as
     * it is and the gradients are left alone: the caller treats it as divergence.
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        double total = globalNorm(parameters);
        if (maxNorm <= 0 || !Double.isFinite(total)) {
            return total;
        }
        double factor = maxNorm / (total + EPSILON);
        if (factor < 1.0) {
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                float[] d = g.data();
                for (int i = g.offset(), end = g.offset() + g.size(); i < end; i++) {
                    d[i] = (float) (d[i] * factor);
                }
            }
        }
        return total;
    }

    /** Limits every gradient element to {@code [-limit, limit]}; {@code limit <= 0} does nothing. */
    public static void clipValue(List<Parameter> parameters, double limit) {
        if (limit <= 0) {
            return;
        }
        float hi = (float) limit;
        float lo = -hi;
        for (Parameter p : parameters) {
            Tensor g = p.grad();
            float[] d = g.data();
            for (int i = g.offset(), end = g.offset() + g.size(); i < end; i++) {
                // NaN stays NaN (as in PyTorch's clamp), so divergence is still seen afterwards.
                if (d[i] > hi) {
                    d[i] = hi;
                } else if (d[i] < lo) {
                    d[i] = lo;
                }
            }
        }
    }

    private static double sumOfSquares(Tensor t) {
        float[] d = t.data();
        double s = 0;
        for (int i = t.offset(), end = t.offset() + t.size(); i < end; i++) {
            double v = d[i];
            s += v * v;
        }
        return s;
    }
}
