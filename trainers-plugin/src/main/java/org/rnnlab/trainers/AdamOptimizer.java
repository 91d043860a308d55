package org.rnnlab.trainers;

import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.kernel.KernelThreads;

/**
 * PyTorch's {@code torch.optim.Adam} and {@code AdamW} (single-tensor path): {@code m = lerp(m, g, 1 - b1)},
 * {@code v = b2 * v + (1 - b2) * g^2}, {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 * Adam adds {@code wd * p} to the gradient; AdamW ({@code decoupled}) first multiplies {@code p} by
 * {@code 1 - lr * wd}. With {@code amsgrad} the running maximum of {@code v} is used in the denominator.
 */
final class AdamOptimizer extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final boolean amsgrad;

    AdamOptimizer(double beta1, double beta2, double eps, double weightDecay, boolean decoupled, boolean amsgrad) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.amsgrad = amsgrad;
    }

    @Override
    protected java.util.List<String> slotKinds() {
        return amsgrad ? java.util.List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : java.util.List.of("exp_avg", "exp_avg_sq");
    }

    @Override
    protected void update(Parameter p, Elements e, double lr, long step) {
        int n = e.n();
        float[] m = slot(p, "exp_avg", 0f);
        float[] v = slot(p, "exp_avg_sq", 0f);
        float[] vMax = amsgrad ? slot(p, "max_exp_avg_sq", 0f) : null;
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
        // element by element, so a split over the kernel threads changes no bit; ~20 operations per element
        KernelThreads.split(n, 16, 20L * n, (from, to) -> update(e, m, v, vMax, lr, stepSize, correction2, from, to));
    }

    private void update(Elements e, float[] m, float[] v, float[] vMax, double lr, double stepSize, double correction2,
                        int from, int to) {
        float[] w = e.w();
        int wo = e.wo();
        for (int i = from; i < to; i++) {
            double param = w[wo + i];
            double d = e.gradient(i);
            if (weightDecay != 0) {
                if (decoupled) {
                    param *= 1 - lr * weightDecay;
                } else {
                    d += weightDecay * param;
                }
            }
            double mi = m[i] + (1 - beta1) * (d - m[i]);
            double vi = beta2 * v[i] + (1 - beta2) * d * d;
            m[i] = (float) mi;
            v[i] = (float) vi;
            double second = vi;
            if (vMax != null) {
                second = Math.max(vMax[i], vi);
                vMax[i] = (float) second;
            }
            double denom = Math.sqrt(second) / correction2 + eps;
            w[wo + i] = (float) (param - stepSize * mi / denom);
        }
    }
}
