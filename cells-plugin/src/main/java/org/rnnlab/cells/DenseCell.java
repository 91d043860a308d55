package org.rnnlab.cells;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.RecurrentCell;

/**
 * A feed-forward layer in a cell's clothes: {@code h' = act(W_ih x + b_ih)}, ignoring the previous state.
 * It is the baseline that fixed-window and bag-of-words inputs feed: whatever it knows of the past must
 * be in the current input. Parameters {@code weight_ih [H, I]} and {@code bias_ih [H]}, PyTorch uniform.
 */
final class DenseCell implements Cell {
    private final int input;
    private final int hidden;
    private final Activation activation;

    DenseCell(int input, int hidden, Activation activation) {
        this.input = input;
        this.hidden = hidden;
        this.activation = activation;
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int hiddenSize() {
        return hidden;
    }

    @Override
    public List<String> stateNames() {
        return List.of("h");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(RecurrentCell.WEIGHT_IH, new int[] {hidden, input}),
                new ParameterSpec(RecurrentCell.BIAS_IH, new int[] {hidden}));
    }

    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        for (ParameterSpec p : parameters()) {
            RecurrentCell.pytorchUniform(parameters.get(p.name()), hidden, random);
        }
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
        return List.of(activation.apply(g,
                g.addBias(g.matmulTransposed(x, p.get(RecurrentCell.WEIGHT_IH)), p.get(RecurrentCell.BIAS_IH))));
    }

    @Override
    public Optional<SequenceKernel> fused() {
        return Optional.of((steps, batch, masked, norms) ->
                new DenseSequenceOp(steps, batch, input, hidden, masked, norms, activation));
    }
}
