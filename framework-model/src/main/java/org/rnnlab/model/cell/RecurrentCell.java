package org.rnnlab.model.cell;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * A base for cells in PyTorch's layout: {@code gates} blocks of {@code H} rows stacked in
 * {@code weight_ih [gates*H, I]}, {@code weight_hh [gates*H, H]}, {@code bias_ih [gates*H]},
 * {@code bias_hh [gates*H]}, one state {@code h}, all parameters initialised uniform in
 * {@code (-1/sqrt(H), 1/sqrt(H))} unless a subclass says otherwise. A subclass writes
 * {@link #step} (and may override {@link #initialize}, {@link #stateNames} or {@link #fused}); the
 * built-in {@code rnn}, {@code lstm} and {@code gru} cells and third-party cells extend it alike.
 *
 * @since 0.1
 */
public abstract class RecurrentCell implements Cell {
    public static final String WEIGHT_IH = "weight_ih";
    public static final String WEIGHT_HH = "weight_hh";
    public static final String BIAS_IH = "bias_ih";
    public static final String BIAS_HH = "bias_hh";

    protected final int input;
    protected final int hidden;
    protected final int gates;

    protected RecurrentCell(int input, int hidden, int gates) {
        this.input = input;
        this.hidden = hidden;
        this.gates = gates;
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
                new ParameterSpec(WEIGHT_IH, new int[] {gates * hidden, input}),
                new ParameterSpec(WEIGHT_HH, new int[] {gates * hidden, hidden}),
                new ParameterSpec(BIAS_IH, new int[] {gates * hidden}),
                new ParameterSpec(BIAS_HH, new int[] {gates * hidden}));
    }

    /** Every parameter uniform in {@code (-1/sqrt(H), 1/sqrt(H))}, in the order of {@link #parameters()}. */
    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        for (ParameterSpec p : parameters()) {
            pytorchUniform(parameters.get(p.name()), hidden, random);
        }
    }

    /** {@code x W_ih^T + b_ih + h W_hh^T + b_hh}: all gates' pre-activations, {@code [B, gates*H]}. */
    protected static Var preActivations(Graph g, Var x, Var h, Map<String, Var> p) {
        return g.add(g.addBias(g.matmulTransposed(x, p.get(WEIGHT_IH)), p.get(BIAS_IH)),
                g.addBias(g.matmulTransposed(h, p.get(WEIGHT_HH)), p.get(BIAS_HH)));
    }

    /**
     * Fills {@code t} uniform in {@code (-1/sqrt(hidden), 1/sqrt(hidden))}, element by element in
     * storage order, as {@code torch.nn.RNN/LSTM/GRU.reset_parameters} (one float draw per element).
     */
    public static void pytorchUniform(Tensor t, int hidden, RandomGenerator random) {
        float bound = (float) (1.0 / Math.sqrt(hidden));
        float[] d = t.data();
        for (int i = t.offset(), end = t.offset() + t.size(); i < end; i++) {
            d[i] = (random.nextFloat() * 2f - 1f) * bound;
        }
    }
}
