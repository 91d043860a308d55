package org.rnnlab.trainers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;
import org.rnnlab.model.train.GradientClipping;

/**
 * One batch of training: forward and backward (whole, or in chunks of {@code k} steps with the state
 * carried and detached), the gradient statistics, clipping, the divergence check and the optimiser
 * step. With truncation and a per-sequence target, only the chunk that ends the batch has a loss;
 * earlier chunks only advance the state.
 */
final class BatchStepper {
    /** A batch's mean loss over its loss terms, or why and at which optimiser step it diverged. */
    record Outcome(double loss, int terms, String diverged, long step) {}

    private final SequenceModel model;
    private final Optimizer optimizer;
    private final RunSettings run;
    private final boolean truncated;
    private final List<Parameter> parameters;
    private final double[] parameterSquares;
    private long steps;
    private double lastFiniteLoss = Double.NaN;
    private double normSum;
    private long normCount;
    private final double[] parameterNormSums;
    private double[] flow = new double[0];

    BatchStepper(SequenceModel model, Optimizer optimizer, RunSettings run, boolean truncated) {
        this.model = model;
        this.optimizer = optimizer;
        this.run = run;
        this.truncated = truncated;
        this.parameters = model.parameters();
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
    Outcome step(ModelBatch batch, double lr, boolean measureFlow) {
        int total = batch.steps();
        int k = truncated ? Math.min(run.truncation(), total) : total;
        boolean perStep = batch.targets() instanceof Targets.StepClasses;
        List<Tensor> states = List.of();
        double lossSum = 0;
        int terms = 0;
        for (int from = 0; from < total; from += k) {
            int to = Math.min(total, from + k);
            boolean last = to == total;
            ModelBatch chunk = from == 0 && last ? batch : batch.slice(from, to);
            if ((!perStep && !last) || chunk.lossTerms() == 0) {
                if (!last) {
                    states = model.run(chunk.input(), states);
                }
                continue;
            }
            double[] norms = measureFlow ? new double[chunk.steps()] : null;
            SequenceModel.StepResult r = model.trainStep(chunk, states, norms, !last);
            steps++;
            if (!Double.isFinite(r.loss())) {
                return new Outcome(r.loss(), r.terms(), "loss became " + r.loss() + " at step " + steps, steps);
            }
            double sum = 0;
            for (int p = 0; p < parameters.size(); p++) {
                double n = GradientClipping.norm(parameters.get(p).grad());
                parameterSquares[p] = n;
                sum += n * n;
            }
            double norm = Math.sqrt(sum);
            if (!Double.isFinite(norm)) {
                return new Outcome(r.loss(), r.terms(), "gradient norm became " + norm + " at step " + steps, steps);
            }
            lastFiniteLoss = r.loss();
            normSum += norm;
            normCount++;
            for (int p = 0; p < parameters.size(); p++) {
                parameterNormSums[p] += parameterSquares[p];
            }
            GradientClipping.clipGlobalNorm(parameters, run.clip());
            GradientClipping.clipValue(parameters, run.clipValue());
            optimizer.step(parameters, lr);
            if (norms != null) {
                flow = reversed(norms);
            }
            lossSum += r.loss() * r.terms();
            terms += r.terms();
            states = r.finalStates();
        }
        return new Outcome(terms == 0 ? 0 : lossSum / terms, terms, null, steps);
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
