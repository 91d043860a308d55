package org.rnnlab.api.train;

import java.util.List;
import java.util.Map;
import org.rnnlab.engine.Tensor;

/**
 * Updates parameters from their gradients. Contract: {@link #step} reads each {@link Parameter#grad()}
 * and changes only {@link Parameter#value()}; its state (moments, step count) round-trips through
 * {@link #state()} and {@link #restore} exactly, so that a resumed run continues bit for bit.
 */
public interface Optimizer {

    /** One update of every parameter; {@code learningRate} is the scheduled rate for this step. */
    void step(List<Parameter> parameters, double learningRate);

    /** The optimiser's state by name (copies). */
    Map<String, Tensor> state();

    /** Restores a state from {@link #state()}. */
    void restore(Map<String, Tensor> state);

    /**
     * Restores a state from {@link #state()} for these {@code parameters} (a resumed run's), refusing with an
     * {@link org.rnnlab.api.RnnlabException} naming the tensor a state that does not belong to them: a tensor
     * for a parameter the model lacks, of another size, or missing for one parameter while the others have it.
     * The default checks nothing more than {@link #restore(Map)} does.
     */
    default void restore(Map<String, Tensor> state, List<Parameter> parameters) {
        restore(state);
    }
}
