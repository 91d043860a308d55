package org.example.mgu;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * The Minimal Gated Unit (Zhou, Wu, Zhang, Zhou 2016, "Minimal gated unit for recurrent neural
 * networks"), with PyTorch-style stacked weights (rows: forget gate f, then candidate n):
 * <pre>
 *   f  = sigmoid(W_if x + b_if + W_hf h + b_hf)
 *   n  = tanh(W_in x + b_in + W_hn (f * h) + b_hn)
 *   h' = (1 - f) * h + f * n
 * </pre>
 * Written only with graph operations: rnnlab derives the backward pass through time.
 */
final class MguCell implements Cell {
    private final int input;
    private final int hidden;

    MguCell(int input, int hidden) {
        this.input = input;
        this.hidden = hidden;
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
        return List.of(
                new ParameterSpec("weight_ih", new int[] {2 * hidden, input}),
                new ParameterSpec("weight_hh", new int[] {2 * hidden, hidden}),
                new ParameterSpec("bias_ih", new int[] {2 * hidden}),
                new ParameterSpec("bias_hh", new int[] {2 * hidden}));
    }

    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        float bound = (float) (1.0 / Math.sqrt(hidden));
        for (ParameterSpec p : parameters()) {
            float[] d = parameters.get(p.name()).data();
            int off = parameters.get(p.name()).offset();
            for (int i = 0; i < p.size(); i++) {
                d[off + i] = (random.nextFloat() * 2 - 1) * bound;
            }
        }
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
        Var h = state.getFirst();
        // b_hh sits outside the recurrent product in both rows of the MGU, so it joins the input side
        Var gi = g.addBias(g.addBias(g.matmulTransposed(x, p.get("weight_ih")), p.get("bias_ih")), p.get("bias_hh"));
        Var wHh = p.get("weight_hh");
        Var f = g.sigmoid(g.add(g.sliceColumns(gi, 0, hidden),
                g.matmulTransposed(h, g.sliceRows(wHh, 0, hidden))));
        Var n = g.tanh(g.add(g.sliceColumns(gi, hidden, 2 * hidden),
                g.matmulTransposed(g.mul(f, h), g.sliceRows(wHh, hidden, 2 * hidden))));
        return List.of(g.add(g.mul(g.oneMinus(f), h), g.mul(f, n)));
    }
}
