package org.rnnlab.trainers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.engine.Tensor;

/**
 * A copy of the model's weights at the best epoch so far, so that the test evaluation and the saved
 * model are the best epoch's rather than the last one's (Keras' {@code restore_best_weights}). The copy
 * is taken when an epoch improves on the best; when the best is the latest epoch a checkpoint needs no
 * second copy of the weights, since the model itself holds them.
 */
final class BestWeights {
    /** The checkpoint's tensor prefix for the best epoch's weights. */
    static final String PREFIX = "best";

    private Map<String, Tensor> values = Map.of();
    private int epoch;

    /** Keeps a copy of {@code model}'s weights as those of {@code bestEpoch}. */
    void keep(int bestEpoch, TaskModel model) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        model.namedValues().forEach((k, v) -> copy.put(k, v.copy()));
        values = copy;
        epoch = bestEpoch;
    }

    /** The epoch whose weights are kept; 0 when none is. */
    int epoch() {
        return epoch;
    }

    /** Puts the kept weights back into {@code model}; false when none were kept. */
    boolean restoreInto(TaskModel model) {
        if (epoch == 0) {
            return false;
        }
        model.load(values);
        return true;
    }

    /**
     * The tensors a checkpoint after {@code completed} epochs holds for the best epoch, under
     * {@link #PREFIX}: none when the best is that epoch (the model's own tensors are its weights).
     */
    Map<String, Tensor> checkpointTensors(int completed) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (epoch != 0 && epoch != completed) {
            values.forEach((k, v) -> out.put(PREFIX + "/" + k, v));
        }
        return out;
    }

    /**
     * Reads the best epoch's weights back from a checkpoint after {@code completed} epochs whose model
     * weights are already in {@code model}: the stored copy, or the model's own when the best is
     * {@code completed}. A checkpoint written before the best epoch's weights were kept ({@code bestEpoch}
     * 0, or the copy missing) keeps none, so the run ends with its last weights, as it did then.
     */
    void restoreFrom(int bestEpoch, int completed, Map<String, Tensor> stored, TaskModel model) {
        if (bestEpoch == completed) {
            keep(bestEpoch, model);
        } else if (bestEpoch > 0 && !stored.isEmpty()) {
            Map<String, Tensor> copy = new LinkedHashMap<>();
            stored.forEach((k, v) -> copy.put(k, v.copy()));
            values = copy;
            epoch = bestEpoch;
        }
    }
}
