package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.kernel.Kernels;

/**
 * Compares the gradients {@link Graph#backward} produces with central finite differences.
 *
 * <p>Tolerance: the values and the forward pass are float32, but the differences are formed in double
 * from the float32 losses: {@code (L(x+h) - L(x-h)) / 2h} with {@code h = 1e-2}. The loss of these
 * small problems is O(1), so each float32 loss carries a rounding error of about 1e-7 (a few ulps);
 * divided by {@code 2h} that is noise of ~1e-5 in the estimate. The truncation error of the central
 * difference is {@code h^2/6 * f'''}, about 2e-5 relative for the smooth ops here. So an estimate and
 * an exact gradient should agree to ~1e-4; we accept {@code |fd - analytic| <= 1e-2 * max(|fd|,
 * |analytic|) + 1e-3}, loose enough for float32 noise and tight enough that any wrong factor, sign,
 * transposition or missing term (errors of order 1) fails.
 */
final class GradientCheck {
    static final double STEP = 1e-2;
    static final double RELATIVE = 1e-2;
    static final double ABSOLUTE = 1e-3;

    private GradientCheck() {}

    /** Builds a scalar loss from the parameter vars (in the order of {@code values}). */
    interface LossBuilder {
        Var build(Graph g, List<Var> params);
    }

    static void check(Kernels kernels, List<Tensor> values, LossBuilder loss) {
        Workspace ws = new Workspace();
        Graph g = new Graph(ws, kernels);
        List<Tensor> grads = values.stream().map(v -> Tensor.zeros(v.shape())).toList();
        List<Var> params = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            params.add(g.parameter(values.get(i), grads.get(i)));
        }
        g.backward(loss.build(g, params));
        g.reset();
        Function<Void, Double> evaluate = unused -> {
            Graph f = new Graph(new Workspace(), kernels);
            List<Var> consts = values.stream().map(f::constant).toList();
            return (double) loss.build(f, consts).value().item();
        };
        for (int t = 0; t < values.size(); t++) {
            float[] x = values.get(t).data();
            int off = values.get(t).offset();
            for (int i = 0; i < values.get(t).size(); i++) {
                float saved = x[off + i];
                x[off + i] = (float) (saved + STEP);
                double plus = evaluate.apply(null);
                x[off + i] = (float) (saved - STEP);
                double minus = evaluate.apply(null);
                x[off + i] = saved;
                // the actual distance between the perturbed float32 values, not the nominal 2h
                double span = (double) (float) (saved + STEP) - (double) (float) (saved - STEP);
                double fd = (plus - minus) / span;
                double analytic = grads.get(t).data()[grads.get(t).offset() + i];
                double bound = RELATIVE * Math.max(Math.abs(fd), Math.abs(analytic)) + ABSOLUTE;
                assertThat(Math.abs(fd - analytic))
                        .as("input %d element %d: finite difference %s vs analytic %s", t, i, fd, analytic)
                        .isLessThanOrEqualTo(bound);
            }
        }
    }

    static Tensor random(SplittableRandom r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-1, 1);
        }
        return t;
    }

    /** Random values kept away from zero, so that relu's kink is never inside the step. */
    static Tensor awayFromZero(SplittableRandom r, int... shape) {
        Tensor t = random(r, shape);
        for (int i = 0; i < t.size(); i++) {
            float v = t.data()[i];
            t.data()[i] = v + Math.copySign(0.1f, v);
        }
        return t;
    }
}
