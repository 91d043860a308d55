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
 * The LSTM of {@code torch.nn.LSTM}: gates {@code i, f, g, o} stacked in that order in the rows of the
 * weights; {@code c' = f * c + i * g}, {@code h' = o * tanh(c')}. State {@code [h, c]}.
 *
 * <p>Initialisation: PyTorch's uniform, then the forget gate's biases are set so that
 * {@code b_ih_f + b_hh_f = forget_bias} ({@code b_ih_f = forget_bias}, {@code b_hh_f = 0}), 1 by default
 * (Jozefowicz, Zaremba, Sutskever 2015): the cell starts by remembering, so gradients survive long spans
 * from the first update. {@code forget_bias = NaN} keeps PyTorch's plain uniform biases.
 */
final class LstmCell extends RecurrentCell {
    private final double forgetBias;

    LstmCell(int input, int hidden, double forgetBias) {
        super(input, hidden, 4);
        this.forgetBias = forgetBias;
    }

    @Override
    public List<String> stateNames() {
        return List.of("h", "c");
    }

    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        super.initialize(parameters, random);
        if (!Double.isNaN(forgetBias)) {
            parameters.get(BIAS_IH).rows(hidden, 2 * hidden).fill((float) forgetBias);
            parameters.get(BIAS_HH).rows(hidden, 2 * hidden).fill(0f);
        }
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> parameters) {
        Var pre = preActivations(g, x, state.get(0), parameters);
        int h = hidden;
        Var i = g.sigmoid(g.sliceColumns(pre, 0, h));
        Var f = g.sigmoid(g.sliceColumns(pre, h, 2 * h));
        Var cand = g.tanh(g.sliceColumns(pre, 2 * h, 3 * h));
        Var o = g.sigmoid(g.sliceColumns(pre, 3 * h, 4 * h));
        Var c = g.add(g.mul(f, state.get(1)), g.mul(i, cand));
        return List.of(g.mul(o, g.tanh(c)), c);
    }

    @Override
    public Optional<SequenceKernel> fused() {
        return Optional.of((steps, batch, masked, norms) -> new LstmSequenceOp(steps, batch, input, hidden, masked, norms));
    }
}
