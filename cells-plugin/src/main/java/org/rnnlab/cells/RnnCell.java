package org.rnnlab.cells;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.RecurrentCell;

/**
 * The Elman cell of {@code torch.nn.RNN}: {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}. With
 * {@code identityInit} it is the IRNN of Le, Jaitly and Hinton (2015): {@code W_hh = I}, biases 0 and
 * input weights drawn from {@code N(0, inputStd^2)}.
 */
final class RnnCell extends RecurrentCell {
    private final Activation activation;
    private final boolean identityInit;
    private final double inputStd;

    RnnCell(int input, int hidden, Activation activation, boolean identityInit, double inputStd) {
        super(input, hidden, 1);
        this.activation = activation;
        this.identityInit = identityInit;
        this.inputStd = inputStd;
    }

    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        if (!identityInit) {
            super.initialize(parameters, random);
            return;
        }
        Initialisation.normal(parameters.get(WEIGHT_IH), inputStd, random);
        Initialisation.identity(parameters.get(WEIGHT_HH));
        parameters.get(BIAS_IH).fill(0f);
        parameters.get(BIAS_HH).fill(0f);
    }

    @Override
    public List<Var> step(Graph graph, Var x, List<Var> state, Map<String, Var> parameters) {
        return List.of(activation.apply(graph, preActivations(graph, x, state.getFirst(), parameters)));
    }

    @Override
    public Optional<SequenceKernel> fused() {
        return Optional.of((steps, batch, masked, norms) ->
                new RnnSequenceOp(steps, batch, input, hidden, masked, norms, activation));
    }
}
