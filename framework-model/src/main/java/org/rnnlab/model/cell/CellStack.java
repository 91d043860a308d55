package org.rnnlab.model.cell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.FusedOp;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * Layers of one kind of cell on top of each other, run over whole sequences. Layer 0 reads the input;
 * layer {@code k > 0} reads the outputs of layer {@code k - 1}, so its input size is the hidden size.
 * Parameters carry PyTorch's layer suffix ({@code weight_ih_l0}, ..., {@code bias_hh_l1}) so weights
 * move to and from {@code torch.nn.RNN/LSTM/GRU} unchanged.
 *
 * <p>A sequence is time-major: row {@code t * batch + b} holds step {@code t} of sequence {@code b}. A
 * row whose mask entry is 0 is a padded step: every layer keeps its previous state there (the output
 * row repeats the previous state), so padding after the end of a sequence does not change its final
 * state and receives no gradient.
 *
 * @since 0.1
 */
public final class CellStack implements RecurrentLayers {
    private final List<Cell> layers;
    /** Zero initial states, shared read-only between calls (graph constants are never written). */
    private volatile Tensor zeroState;

    private CellStack(List<Cell> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * A stack of {@code layers} cells from {@code factory}: the first made from {@code firstLayer}, the
     * others with input size = hidden size and the same options.
     */
    public static CellStack of(CellFactory factory, CellSpec firstLayer, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("a cell stack needs at least one layer, not " + layers);
        }
        List<Cell> cells = new ArrayList<>(layers);
        cells.add(factory.create(firstLayer));
        for (int k = 1; k < layers; k++) {
            cells.add(factory.create(new CellSpec(firstLayer.hiddenSize(), firstLayer.hiddenSize(), firstLayer.options())));
        }
        return new CellStack(cells);
    }

    /** Every layer's parameters with the layer suffix, layer by layer, each layer in its cell's order. */
    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            for (ParameterSpec p : layers.get(k).parameters()) {
                all.add(new ParameterSpec(layerName(p.name(), k), p.shape()));
            }
        }
        return List.copyOf(all);
    }

    /** The full name of a cell parameter in layer {@code layer}: {@code weight_ih} -> {@code weight_ih_l0}. */
    public static String layerName(String baseName, int layer) {
        return baseName + "_l" + layer;
    }

    /** The state names of one layer, output first ({@code [h]} or {@code [h, c]}). */
    @Override
    public List<String> stateNames() {
        return layers.getFirst().stateNames();
    }

    public int hiddenSize() {
        return layers.getFirst().hiddenSize();
    }

    @Override
    public int outputSize() {
        return hiddenSize();
    }

    @Override
    public int stateCount() {
        return layers.size() * stateNames().size();
    }

    public int layers() {
        return layers.size();
    }

    public int inputSize() {
        return layers.getFirst().inputSize();
    }

    /** The cell of one layer. */
    public Cell layer(int k) {
        return layers.get(k);
    }

    /**
     * Initialises every layer through {@link Cell#initialize}, layer 0 first, all drawing from
     * {@code random} in that order: the same seed gives the same weights. {@code parameters} holds a
     * tensor for every name of {@link #parameters()}.
     */
    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        for (int k = 0; k < layers.size(); k++) {
            Map<String, Tensor> own = layerParameters(parameters, k, "initialize");
            for (ParameterSpec p : layers.get(k).parameters()) {
                own.get(p.name()).requireShape("parameter " + layerName(p.name(), k), p.shape());
            }
            layers.get(k).initialize(own, random);
        }
    }

    /**
     * Runs the stack over {@code steps} steps of {@code batch} sequences.
     *
     * @param input {@code [steps * batch, inputSize]}, time-major rows
     * @param mask {@code [steps * batch]} (or {@code [steps * batch, 1]}) of 0/1 per row, or null for no padding
     * @param parameters by full name ({@code weight_ih_l0}, ...)
     * @param initialStates empty for zeros, or {@code layers * stateNames().size()} tensors {@code [batch, H]},
     *     layer-major ({@code h_l0, c_l0, h_l1, c_l1})
     * @param stepGradientNorms null, or an array of length {@code steps} that backward fills with the norm
     *     of the complete gradient reaching the top layer's {@code h_t} (through the outputs and the recurrence)
     * @param fused whether to use a cell's {@link Cell#fused()} kernel where it has one
     * @param betweenLayers applied to each layer's outputs but the last one's (dropout between layers)
     */
    @Override
    public Output forward(Graph graph, Var input, int steps, int batch, Tensor mask, Map<String, Var> parameters,
                          List<Var> initialStates, double[] stepGradientNorms, boolean fused,
                          UnaryOperator<Var> betweenLayers) {
        int rows = steps * batch;
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("steps and batch must be positive: " + steps + ", " + batch);
        }
        input.value().requireShape("cell stack input", rows, inputSize());
        if (mask != null && mask.size() != rows) {
            throw new ShapeException("cell stack mask: expected " + rows + " entries (steps * batch) but shape is "
                    + java.util.Arrays.toString(mask.shape()));
        }
        int perLayer = stateNames().size();
        if (!initialStates.isEmpty() && initialStates.size() != layers.size() * perLayer) {
            throw new IllegalArgumentException("cell stack: expected " + layers.size() * perLayer
                    + " initial states (layers x " + stateNames() + ") or none, but got " + initialStates.size());
        }
        if (stepGradientNorms != null && stepGradientNorms.length != steps) {
            throw new IllegalArgumentException("stepGradientNorms must have length steps = " + steps
                    + " but has " + stepGradientNorms.length);
        }
        if (mask != null && noPadding(mask)) {
            mask = null; // the same result, and kernels take their unmasked bulk path
        }
        Var layerInput = input;
        List<Var> finalStates = new ArrayList<>(layers.size() * perLayer);
        for (int k = 0; k < layers.size(); k++) {
            Cell cell = layers.get(k);
            Map<String, Var> own = layerParameters(parameters, k, "forward");
            for (ParameterSpec p : cell.parameters()) {
                own.get(p.name()).value().requireShape("parameter " + layerName(p.name(), k), p.shape());
            }
            List<Var> state = new ArrayList<>(perLayer);
            for (int s = 0; s < perLayer; s++) {
                Var given = initialStates.isEmpty() ? graph.constant(zeroState(batch))
                        : initialStates.get(k * perLayer + s);
                given.value().requireShape("initial state " + stateNames().get(s) + " of layer " + k, batch, hiddenSize());
                state.add(given);
            }
            double[] norms = k == layers.size() - 1 ? stepGradientNorms : null;
            Optional<SequenceKernel> kernel = fused ? cell.fused() : Optional.empty();
            List<Var> outputs = kernel.isPresent()
                    ? runFused(graph, kernel.get(), cell, layerInput, steps, batch, mask, own, state, norms)
                    : runComposed(graph, cell, layerInput, steps, batch, mask, own, state, norms);
            layerInput = k < layers.size() - 1 ? betweenLayers.apply(outputs.getFirst()) : outputs.getFirst();
            finalStates.addAll(outputs.subList(1, outputs.size()));
        }
        return new Output(layerInput, List.copyOf(finalStates));
    }

    private static boolean noPadding(Tensor mask) {
        float[] d = mask.data();
        for (int i = mask.offset(), end = mask.offset() + mask.size(); i < end; i++) {
            if (d[i] == 0f) {
                return false;
            }
        }
        return true;
    }

    private Tensor zeroState(int batch) {
        Tensor z = zeroState;
        if (z == null || z.dim(0) != batch) {
            z = Tensor.zeros(batch, hiddenSize());
            zeroState = z;
        }
        return z;
    }

    /** The top layer's outputs {@code [steps * batch, H]} and every layer's final states, layer-major. */
    public record Output(Var outputs, List<Var> finalStates) {}

    private static List<Var> runFused(Graph graph, SequenceKernel kernel, Cell cell, Var input, int steps, int batch,
                                      Tensor mask, Map<String, Var> parameters, List<Var> state, double[] norms) {
        FusedOp op = kernel.sequenceOp(steps, batch, mask != null, norms);
        List<Var> inputs = new ArrayList<>();
        inputs.add(input);
        inputs.addAll(state);
        if (mask != null) {
            inputs.add(graph.constant(mask.reshape(steps * batch, 1)));
        }
        for (ParameterSpec p : cell.parameters()) {
            inputs.add(parameters.get(p.name()));
        }
        return graph.fused(op, inputs);
    }

    private static List<Var> runComposed(Graph graph, Cell cell, Var input, int steps, int batch, Tensor mask,
                                         Map<String, Var> parameters, List<Var> state, double[] norms) {
        Tensor rowMask = mask == null ? null : mask.reshape(steps * batch);
        List<Var> outputs = new ArrayList<>(steps);
        List<Var> current = state;
        for (int t = 0; t < steps; t++) {
            Var x = graph.sliceRows(input, t * batch, (t + 1) * batch);
            List<Var> next = cell.step(graph, x, current, parameters);
            if (next.size() != current.size()) {
                throw new IllegalStateException("cell step returned " + next.size() + " states but the cell declares "
                        + cell.stateNames());
            }
            if (rowMask != null) {
                Tensor stepMask = rowMask.rows(t * batch, (t + 1) * batch);
                List<Var> kept = new ArrayList<>(next.size());
                for (int s = 0; s < next.size(); s++) {
                    kept.add(graph.selectRows(stepMask, next.get(s), current.get(s)));
                }
                next = kept;
            }
            current = next;
            Var h = current.getFirst();
            outputs.add(h);
            if (norms != null) {
                int step = t;
                graph.watchGradient(h, g -> norms[step] = Math.sqrt(sumOfSquares(g)));
            }
        }
        List<Var> result = new ArrayList<>(1 + current.size());
        result.add(graph.concatRows(outputs));
        result.addAll(current);
        return result;
    }

    private <V> Map<String, V> layerParameters(Map<String, V> all, int layer, String what) {
        Map<String, V> own = new HashMap<>();
        for (ParameterSpec p : layers.get(layer).parameters()) {
            String full = layerName(p.name(), layer);
            V v = all.get(full);
            if (v == null) {
                throw new IllegalArgumentException("cell stack " + what + ": parameter '" + full + "' is missing; expected "
                        + parameters());
            }
            own.put(p.name(), v);
        }
        return own;
    }

    private static double sumOfSquares(Tensor g) {
        float[] d = g.data();
        double s = 0;
        for (int i = g.offset(), end = g.offset() + g.size(); i < end; i++) {
            s += (double) d[i] * d[i];
        }
        return s;
    }
}
