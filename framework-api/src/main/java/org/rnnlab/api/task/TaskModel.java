package org.rnnlab.api.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/**
 * A model a {@link Task} built: its parameters, and one batch of training, forward and backward.
 * Contract: {@link #trainBatch} writes gradients and calls the trainer's {@link ChunkUpdate} after every
 * backward pass; it never changes a parameter's value itself. Not thread-safe: one model per run.
 *
 * @since 0.1
 */
public interface TaskModel {

    /** Every parameter with its gradient, in a fixed order (the model file's order). */
    List<Parameter> parameters();

    /**
     * The parameters the optimiser updates and gradient clipping measures, in {@link #parameters()}'s order: all of
     * them unless some are frozen (an imported embedding with {@code embedding.trainable=false}), which keep their
     * values through training as PyTorch's {@code requires_grad=False} does.
     *
     * @since 0.3
     */
    default List<Parameter> trainableParameters() {
        return parameters();
    }

    /**
     * The table of word vectors this model reads its input through, if its tokens are words; empty by default
     * and for models of characters, one-hot or feature inputs.
     *
     * @since 0.3
     */
    default java.util.Optional<WordEmbedding> wordEmbedding() {
        return java.util.Optional.empty();
    }

    /** The parameter values by name, in order (shared, not copied). */
    default Map<String, Tensor> namedValues() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Parameter p : parameters()) {
            out.put(p.name(), p.value());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Copies values into the parameters; every parameter must be present with its shape. */
    void load(Map<String, Tensor> values);

    /**
     * Forward and backward over the examples {@code batch} picks from the {@code train} split of
     * {@code data}, in chunks of at most {@code truncation} steps with the state carried and detached
     * ({@link Integer#MAX_VALUE}: whole sequences; a model without recurrence takes the whole batch).
     * After each backward pass {@code update} is called; when it returns false the batch stops there.
     *
     * @param measureFlow whether to pass {@code update} the gradient norm at each step of the chunk
     */
    void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update);

    /** What a trainer does after each backward pass: check, clip, step the optimiser. */
    @FunctionalInterface
    interface ChunkUpdate {
        /**
         * @param loss      the chunk's mean loss
         * @param terms     its number of loss terms
         * @param flowNorms ||dLoss/dh_t|| of the top layer at each step of the chunk, or null
         * @return false to stop the batch (the run diverged)
         */
        boolean afterBackward(double loss, int terms, double[] flowNorms);
    }
}
