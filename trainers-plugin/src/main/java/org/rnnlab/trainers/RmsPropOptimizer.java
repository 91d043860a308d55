package org.rnnlab.trainers;

import org.rnnlab.api.train.Parameter;

/**
 * PyTorch's {@code torch.optim.RMSprop}: {@code v = a * v + (1 - a) * g^2}; centred subtracts the square
 * of the running mean {@code gAvg}; {@code avg = sqrt(v [- gAvg^2]) + eps}; with momentum
 * {@code buf = mu * buf + g / avg; p -= lr * buf}, otherwise {@code p -= lr * g / avg}.
 */
final class RmsPropOptimizer extends StatefulOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;

    RmsPropOptimizer(double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected java.util.List<String> slotKinds() {
        java.util.List<String> kinds = new java.util.ArrayList<>(java.util.List.of("square_avg"));
        if (centered) {
            kinds.add("grad_avg");
        }
        if (momentum > 0) {
            kinds.add("momentum_buffer");
        }
        return kinds;
    }

    @Override
    protected void update(Parameter p, Elements e, double lr, long step) {
        float[] w = e.w();
        int wo = e.wo();
        int n = e.n();
        float[] sq = slot(p, "square_avg", 0f);
        float[] gAvg = centered ? slot(p, "grad_avg", 0f) : null;
        float[] buf = momentum > 0 ? slot(p, "momentum_buffer", 0f) : null;
        for (int i = 0; i < n; i++) {
            double d = e.decayedGradient(i, weightDecay);
            double s = alpha * sq[i] + (1 - alpha) * d * d;
            sq[i] = (float) s;
            double avg;
            if (gAvg != null) {
                double ga = gAvg[i] + (1 - alpha) * (d - gAvg[i]);
                gAvg[i] = (float) ga;
                avg = Math.sqrt(s - ga * ga) + eps;
            } else {
                avg = Math.sqrt(s) + eps;
            }
            if (buf != null) {
                double b = momentum * buf[i] + d / avg;
                buf[i] = (float) b;
                w[wo + i] = (float) (w[wo + i] - lr * b);
            } else {
                w[wo + i] = (float) (w[wo + i] - lr * d / avg);
            }
        }
    }
}
