package org.rnnlab.trainers;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/**
 * Loads a checkpoint into a run's model and optimiser only if it holds exactly their tensors: every
 * parameter under {@code model/} with its shape, nothing else there, an optimiser state the optimiser
 * accepts for these parameters ({@link Optimizer#restore(Map, java.util.List)}), and, if the best epoch's
 * weights are kept under {@code best/} ({@link BestWeights}), exactly the model's tensors there too. Anything else is refused
 * in one line naming the checkpoint and the tensor, before a value is copied: a checksum only says the file
 * is what was written, not that it was written for this model.
 */
final class CheckpointFit {
    private static final String MODEL = "model";
    private static final String OPTIMIZER = "optimizer";

    private CheckpointFit() {}

    /** Copies the checkpoint into {@code model} and {@code optimizer}; {@code where} names it (its file). */
    static void load(Checkpoint checkpoint, String where, TaskModel model, Optimizer optimizer) {
        try {
            requireOwnPrefixes(checkpoint);
            requireModelTensors(MODEL, checkpoint.under(MODEL), model);
            Map<String, Tensor> best = checkpoint.under(BestWeights.PREFIX);
            if (!best.isEmpty()) {
                requireModelTensors(BestWeights.PREFIX, best, model);
            }
            optimizer.restore(checkpoint.under(OPTIMIZER), model.trainableParameters());
            model.load(checkpoint.under(MODEL));
        } catch (RnnlabException | IllegalArgumentException e) {
            throw new RnnlabException(where + " does not fit this run's model and optimizer: " + e.getMessage(), e);
        }
    }

    private static void requireOwnPrefixes(Checkpoint checkpoint) {
        for (String name : checkpoint.tensors().keySet()) {
            if (!name.startsWith(MODEL + "/") && !name.startsWith(OPTIMIZER + "/") && !name.startsWith(BestWeights.PREFIX + "/")) {
                throw new RnnlabException("tensor '" + name + "' is neither model/, optimizer/ nor best/ state");
            }
        }
    }

    private static void requireModelTensors(String prefix, Map<String, Tensor> saved, TaskModel model) {
        Set<String> extra = new TreeSet<>(saved.keySet());
        for (Parameter p : model.parameters()) {
            Tensor t = saved.get(p.name());
            if (t == null) {
                throw new RnnlabException("it lacks tensor '" + prefix + "/" + p.name() + "'");
            }
            if (!Arrays.equals(t.shape(), p.value().shape())) {
                throw new RnnlabException("tensor '" + prefix + "/" + p.name() + "' has shape " + Arrays.toString(t.shape())
                        + " but the model's is " + Arrays.toString(p.value().shape()));
            }
            extra.remove(p.name());
        }
        if (!extra.isEmpty()) {
            throw new RnnlabException("tensor '" + prefix + "/" + extra.iterator().next() + "' is not a parameter of the model"
                    + (extra.size() > 1 ? " (and " + (extra.size() - 1) + " more)" : ""));
        }
    }
}
