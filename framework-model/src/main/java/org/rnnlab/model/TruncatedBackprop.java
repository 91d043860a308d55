package org.rnnlab.model;

import java.util.List;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.engine.Tensor;

/**
 * One batch of training for a {@link SequenceModel}: forward and backward over the whole batch, or in
 * chunks of {@code truncation} steps with the state carried, detached, from one chunk to the next. With
 * a per-sequence target only the chunk that ends the batch has a loss: earlier chunks only advance the
 * state. After each backward pass the trainer's update runs (check, clip, optimiser step).
 */
public final class TruncatedBackprop {
    private TruncatedBackprop() {}

    /** Trains {@code model} on {@code batch}; see the class comment. {@code truncation >= 1}. */
    public static void train(SequenceModel model, ModelBatch batch, int truncation, boolean measureFlow,
                             TaskModel.ChunkUpdate update) {
        int total = batch.steps();
        int k = Math.min(truncation, total);
        boolean perStep = batch.targets() instanceof Targets.StepClasses;
        List<Tensor> states = List.of();
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
            if (!update.afterBackward(r.loss(), r.terms(), norms)) {
                return;
            }
            states = r.finalStates();
        }
    }
}
