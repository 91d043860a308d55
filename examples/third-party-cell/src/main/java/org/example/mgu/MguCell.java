package org.example.mgu;

import java.util.List;
import java.util.Map;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.RecurrentCell;

/**
 * The Minimal Gated Unit (Zhou, Wu, Zhang, Zhou 2016, "Minimal gated unit for recurrent neural
 * networks"), with PyTorch-style stacked weights (rows: forget gate f, then candidate n):
 * <pre>
 *   f  = sigmoid(W_if x + b_if + W_hf h + b_hf)
 *   n  = tanh(W_in x + b_in + W_hn (f * h) + b_hn)
 *   h' = (1 - f) * h + f * n
 * </pre>
 * Written only with graph operations: rnnlab derives the backward pass through time. The layout, the
 * parameter names and PyTorch's uniform initialisation come from {@link RecurrentCell}.
 */
final class MguCell extends RecurrentCell {

    MguCell(int input, int hidden) {
        super(input, hidden, 2);
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
        Var h = state.getFirst();
        // b_hh sits outside the recurrent product in both rows of the MGU, so it joins the input side
        Var gi = g.addBias(g.addBias(g.matmulTransposed(x, p.get(WEIGHT_IH)), p.get(BIAS_IH)), p.get(BIAS_HH));
        Var wHh = p.get(WEIGHT_HH);
        Var f = g.sigmoid(g.add(g.sliceColumns(gi, 0, hidden),
                g.matmulTransposed(h, g.sliceRows(wHh, 0, hidden))));
        Var n = g.tanh(g.add(g.sliceColumns(gi, hidden, 2 * hidden),
                g.matmulTransposed(g.mul(f, h), g.sliceRows(wHh, hidden, 2 * hidden))));
        return List.of(g.add(g.mul(g.oneMinus(f), h), g.mul(f, n)));
    }
}
