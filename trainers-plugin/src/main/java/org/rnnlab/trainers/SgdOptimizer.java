package org.rnnlab.trainers;

import org.rnnlab.api.train.Parameter;

/**
 * PyTorch's {@code torch.optim.SGD}: {@code g += wd * p}; with momentum {@code buf = g} on the first
 * step, then {@code buf = mu * buf + (1 - dampening) * g}; Nesterov uses {@code g + mu * buf}, plain
 * momentum uses {@code buf}; {@code p -= lr * g}.
 */
final class SgdOptimizer extends StatefulOptimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    SgdOptimizer(double momentum, double dampening, double weightDecay, boolean nesterov) {
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected java.util.List<String> slotKinds() {
        return momentum != 0 ? java.util.List.of("momentum_buffer") : java.util.List.of();
    }

    @Override
    protected void update(Parameter p, Elements e, double lr, long step) {
        float[] w = e.w();
        int wo = e.wo();
        int n = e.n();
        float[] buf = momentum != 0 ? slot(p, "momentum_buffer", 0f) : null;
        for (int i = 0; i < n; i++) {
            double d = e.decayedGradient(i, weightDecay);
            if (buf != null) {
                double b = step == 1 ? d : momentum * buf[i] + (1 - dampening) * d;
                buf[i] = (float) b;
                d = nesterov ? d + momentum * b : b;
            }
            w[wo + i] = (float) (w[wo + i] - lr * d);
        }
    }
}
