package org.rnnlab.api.cell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * One recurrent layer's step function and its parameters.
 *
 * <p>Contract: {@link #step} is written with {@link Graph} operations only, so every cell gets
 * back-propagation through time for free; the state is a list of {@code [B, H]} tensors named by
 * {@link #stateNames()}, and the first state is the layer's output {@code h}. A cell may also offer a
 * {@link #fused()} sequence kernel with a hand-written backward; it must compute the same values as
 * {@link #step} (the testkit checks it).
 *
 * <p>A cell is one layer at one time step; the model's cell stack runs it over sequences, stacks layers,
 * names parameters per layer and handles padding (a padded row keeps its previous state), so a cell
 * keeps no state of its own between calls and need not know about masks.
 *
 * @since 0.1
 */
public interface Cell {

    int inputSize();

    int hiddenSize();

    /** Names of the state tensors, output first: {@code [h]}, or {@code [h, c]} for an LSTM. */
    List<String> stateNames();

    /** The parameters, by base name (without layer suffix), in a fixed order. */
    List<ParameterSpec> parameters();

    /** Fills freshly allocated parameters with the cell's initialisation, drawing from {@code random}. */
    void initialize(Map<String, Tensor> parameters, RandomGenerator random);

    /**
     * One time step: {@code x} is {@code [B, inputSize]}, {@code state} the previous states
     * ({@code [B, H]} each), {@code parameters} by base name. Returns the new states, output first.
     */
    List<Var> step(Graph graph, Var x, List<Var> state, Map<String, Var> parameters);

    /** A hand-written kernel for whole sequences, if the cell has one. */
    default Optional<SequenceKernel> fused() {
        return Optional.empty();
    }
}
