package org.rnnlab.trainers;

import org.rnnlab.api.train.Parameter;

/**
 * PyTorch's {@code torch.optim.Adagrad}: {@code clr = lr / (1 + (t - 1) * lr_decay)},
 * {@code sum += g^2}, {@code p -= clr * g / (sqrt(sum) + eps)}; the sum starts at
 * {@code initial_accumulator_value}.
 */
final class AdagradOptimizer extends StatefulOptimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final float initialAccumulator;
    private final double eps;

    AdagradOptimizer(double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulator = (float) initialAccumulator;
        this.eps = eps;
    }

    @Override
    protected java.util.List<String> slotKinds() {
        return java.util.List.of("sum");
    }

    @Override
    protected void update(Parameter p, Elements e, double lr, long step) {
        float[] w = e.w();
        int wo = e.wo();
        int n = e.n();
        float[] sum = slot(p, "sum", initialAccumulator);
        double clr = lr / (1 + (step - 1) * lrDecay);
        for (int i = 0; i < n; i++) {
            double d = e.decayedGradient(i, weightDecay);
            double s = sum[i] + d * d;
            sum[i] = (float) s;
            w[wo + i] = (float) (w[wo + i] - clr * d / (Math.sqrt(s) + eps));
        }
    }
}
