package org.rnnlab.trainers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.model.train.GradientClipping;

/**
 * What the trainer does around one batch of training: the model runs forward and backward (whole, or
 * in chunks of {@code tbptt.k} steps, {@link TaskModel#trainBatch}); after each backward pass this checks
 * loss and gradient norm for divergence, gathers the gradient statistics, clips and steps the optimiser, all
 * over the model's {@linkplain TaskModel#trainableParameters() trainable parameters} (a frozen embedding is
 * neither measured, clipped nor stepped, as PyTorch leaves a parameter without {@code requires_grad}).
 */
final class BatchStepper {
    /** A batch's mean loss over its loss terms, or why and at which optimiser step it diverged. */
    record Outcome(double loss, int terms, String diverged, long step) {}

    private final TaskModel model;
    private final Optimizer optimizer;
    private final RunSettings run;
    private final List<Parameter> parameters;
    private final double[] parameterSquares;
    private long steps;
    private double lastFiniteLoss = Double.NaN;
    private double normSum;
    private long normCount;
    private final double[] parameterNormSums;
    private double[] flow = new double[0];
    // the batch under way
    private double learningRate;
    private double lossSum;
    private int terms;
    private Outcome diverged;

    BatchStepper(TaskModel model, Optimizer optimizer, RunSettings run) {
        this.model = model;
        this.optimizer = optimizer;
        this.run = run;
        this.parameters = model.trainableParameters();
        this.parameterSquares = new double[parameters.size()];
        this.parameterNormSums = new double[parameters.size()];
    }

    void startEpoch() {
        normSum = 0;
        normCount = 0;
        java.util.Arrays.fill(parameterNormSums, 0);
        flow = new double[0];
    }

    double lastFiniteLoss() {
        return lastFiniteLoss;
    }

    /** Trains on one batch at learning rate {@code lr}; {@code measureFlow} records the gradient flow. */
    Outcome step(TaskData data, Batch batch, double lr, boolean measureFlow) {
        learningRate = lr;
        lossSum = 0;
        terms = 0;
        diverged = null;
        model.trainBatch(data, batch, run.truncation(), measureFlow, this::afterBackward);
        return diverged != null ? diverged : new Outcome(terms == 0 ? 0 : lossSum / terms, terms, null, steps);
    }

    private boolean afterBackward(double loss, int lossTerms, double[] norms) {
        steps++;
        if (!Double.isFinite(loss)) {
            diverged = new Outcome(loss, lossTerms, "loss became " + loss + " at step " + steps, steps);
            return false;
        }
        double sum = 0;
        for (int p = 0; p < parameters.size(); p++) {
            double n = GradientClipping.norm(parameters.get(p).grad());
            parameterSquares[p] = n;
            sum += n * n;
        }
        double norm = Math.sqrt(sum);
        if (!Double.isFinite(norm)) {
            diverged = new Outcome(loss, lossTerms, "gradient norm became " + norm + " at step " + steps, steps);
            return false;
        }
        lastFiniteLoss = loss;
        normSum += norm;
        normCount++;
        for (int p = 0; p < parameters.size(); p++) {
            parameterNormSums[p] += parameterSquares[p];
        }
        GradientClipping.clipGlobalNorm(parameters, run.clip());
        GradientClipping.clipValue(parameters, run.clipValue());
        optimizer.step(parameters, learningRate);
        if (norms != null) {
            flow = reversed(norms);
        }
        lossSum += loss * lossTerms;
        terms += lossTerms;
        return true;
    }

    /** The epoch's gradient statistics: mean global and per-parameter norms, flow of its first batch. */
    GradientStats gradientStats(String experiment, String variant, int epoch) {
        Map<String, Double> perParameter = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            perParameter.put(parameters.get(p).name(), normCount == 0 ? Double.NaN : parameterNormSums[p] / normCount);
        }
        return new GradientStats(experiment, variant, epoch, normCount == 0 ? Double.NaN : normSum / normCount,
                perParameter, flow);
    }

    /** {@code flow[j]} = norm at {@code j} steps before the last, as {@link GradientStats} defines it. */
    private static double[] reversed(double[] norms) {
        double[] out = new double[norms.length];
        for (int i = 0; i < norms.length; i++) {
            out[i] = norms[norms.length - 1 - i];
        }
        return out;
    }
}
