package org.rnnlab.api.event;

import java.util.Map;

/**
 * Gradient statistics of an epoch: the global norm before clipping (mean over the epoch's steps), the
 * norm of each parameter, and the gradient flow through time: {@code flow[k]} is the norm of
 * dLoss/dh at {@code k} steps before the last step, measured on the epoch's first batch.
 */
public record GradientStats(String experiment, String variant, int epoch, double globalNorm,
                            Map<String, Double> parameterNorms, double[] flow) implements RunEvent {
    public GradientStats {
        parameterNorms = Map.copyOf(parameterNorms);
        flow = flow.clone();
    }

    @Override
    public double[] flow() {
        return flow.clone();
    }
}
