package org.rnnlab.cells;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.RecurrentCell;

/**
 * The GRU: gates {@code r, z, n} stacked in that order (PyTorch's layout), {@code h' = (1 - z) * n + z * h}.
 * With {@code resetAfter} (the default, {@code torch.nn.GRU} and cuDNN) the reset gate scales the
 * recurrent product: {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, so all three recurrent
 * products are one GEMM per step. Without it (Cho et al. 2014, the course slides) the reset gate scales
 * the state before the product: {@code n = tanh(W_in x + b_in + W_hn (r * h) + b_hn)}, which needs a
 * second, dependent GEMM per step.
 */
final class GruCell extends RecurrentCell {
    private final boolean resetAfter;

    GruCell(int input, int hidden, boolean resetAfter) {
        super(input, hidden, 3);
        this.resetAfter = resetAfter;
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
        int h = hidden;
        Var prev = state.getFirst();
        Var gi = g.addBias(g.matmulTransposed(x, p.get(WEIGHT_IH)), p.get(BIAS_IH));
        Var gh = g.addBias(g.matmulTransposed(prev, p.get(WEIGHT_HH)), p.get(BIAS_HH));
        Var r = g.sigmoid(g.add(g.sliceColumns(gi, 0, h), g.sliceColumns(gh, 0, h)));
        Var z = g.sigmoid(g.add(g.sliceColumns(gi, h, 2 * h), g.sliceColumns(gh, h, 2 * h)));
        Var recurrent;
        if (resetAfter) {
            recurrent = g.mul(r, g.sliceColumns(gh, 2 * h, 3 * h));
        } else {
            // the whole product is taken and its n block kept: the composed path is the plain reference,
            // the fused kernel multiplies by W_hn alone
            Var reset = g.addBias(g.matmulTransposed(g.mul(r, prev), p.get(WEIGHT_HH)), p.get(BIAS_HH));
            recurrent = g.sliceColumns(reset, 2 * h, 3 * h);
        }
        Var n = g.tanh(g.add(g.sliceColumns(gi, 2 * h, 3 * h), recurrent));
        // (1 - z) * n + z * h = n + z * (h - n)
        return List.of(g.add(n, g.mul(z, g.sub(prev, n))));
    }

    @Override
    public Optional<SequenceKernel> fused() {
        return Optional.of((steps, batch, masked, norms) -> resetAfter
                ? new GruSequenceOp(steps, batch, input, hidden, masked, norms)
                : new GruResetBeforeSequenceOp(steps, batch, input, hidden, masked, norms));
    }
}
