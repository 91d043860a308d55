package org.rnnlab.model.cell;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * Bidirectional layers of one kind of cell, as {@code torch.nn.RNN/LSTM/GRU(..., bidirectional=True)}:
 * in every layer a forward cell reads the steps in order and a reverse cell reads each sequence's real
 * steps from its last to its first; the layer's output is the two hidden states side by side
 * ({@code [forward, reverse]}, {@code 2H} columns), and layer {@code k > 0} reads that output. Parameter
 * names are PyTorch's: {@code weight_ih_l0}, ... for the forward cells and {@code weight_ih_l0_reverse},
 * ... for the reverse ones, so a saved model loads into {@code nn.LSTM(..., bidirectional=True)}.
 *
 * <p>Padding: rows whose mask entry is 0 are not steps. The forward direction keeps its state over them
 * (as {@link CellStack} does); the reverse direction starts at each sequence's own last real step,
 * because its input is each sequence's real rows reversed and moved to the front, with the padding
 * after them. Outputs at padded rows are zero, as PyTorch's {@code pad_packed_sequence} gives them, and
 * padded inputs receive no gradient. Each direction runs as a one-layer {@link CellStack}, so a cell's
 * fused sequence kernel serves the reverse direction as well.
 *
 * @since 0.2
 */
public final class BidirectionalStack implements RecurrentLayers {
    /** PyTorch's suffix of the reverse direction's parameters. */
    public static final String REVERSE = "_reverse";

    /** One single-layer stack per layer; both directions of a layer run through it with their own parameters. */
    private final List<CellStack> layers;
    private volatile Tensor zeroOutputs;

    private BidirectionalStack(List<CellStack> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * {@code layers} bidirectional layers of cells from {@code factory}: the first reads
     * {@code firstLayer.inputSize()} inputs, the others {@code 2 * hiddenSize}; all with the same options.
     */
    public static BidirectionalStack of(CellFactory factory, CellSpec firstLayer, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("a bidirectional stack needs at least one layer, not " + layers);
        }
        List<CellStack> stacks = new ArrayList<>(layers);
        stacks.add(CellStack.of(factory, firstLayer, 1));
        int h = firstLayer.hiddenSize();
        for (int k = 1; k < layers; k++) {
            stacks.add(CellStack.of(factory, new CellSpec(2 * h, h, firstLayer.options()), 1));
        }
        return new BidirectionalStack(stacks);
    }

    /** The full name of a cell parameter: {@code weight_ih} in layer 1, reverse -> {@code weight_ih_l1_reverse}. */
    public static String parameterName(String baseName, int layer, boolean reverse) {
        return CellStack.layerName(baseName, layer) + (reverse ? REVERSE : "");
    }

    /** In PyTorch's order: per layer, the forward cell's parameters then the reverse cell's, each in the cell's order. */
    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            for (boolean reverse : new boolean[] {false, true}) {
                for (ParameterSpec p : cell(k).parameters()) {
                    all.add(new ParameterSpec(parameterName(p.name(), k, reverse), p.shape()));
                }
            }
        }
        return List.copyOf(all);
    }

    /** The state names of one direction of one layer, output first. */
    @Override
    public List<String> stateNames() {
        return layers.getFirst().stateNames();
    }

    /** Hidden units of one direction; the output has twice as many columns. */
    public int hiddenSize() {
        return layers.getFirst().hiddenSize();
    }

    /** Columns of the output: {@code 2 * hiddenSize()}. */
    @Override
    public int outputSize() {
        return 2 * hiddenSize();
    }

    @Override
    public int stateCount() {
        return 2 * layers.size() * stateNames().size();
    }

    public int layers() {
        return layers.size();
    }

    public int inputSize() {
        return layers.getFirst().inputSize();
    }

    /** The cell of one layer (both directions have cells of this shape). */
    public Cell cell(int layer) {
        return layers.get(layer).layer(0);
    }

    /**
     * Initialises layer 0 forward, layer 0 reverse, layer 1 forward, ... through {@link Cell#initialize},
     * all drawing from {@code random} in that order: the same seed gives the same weights.
     */
    @Override
    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
        for (int k = 0; k < layers.size(); k++) {
            for (boolean reverse : new boolean[] {false, true}) {
                layers.get(k).initialize(direction(parameters, k, reverse, "initialize"), random);
            }
        }
    }

    /**
     * Runs both directions of every layer over {@code steps} steps of {@code batch} sequences.
     *
     * @param input {@code [steps * batch, inputSize]}, time-major rows
     * @param mask {@code [steps * batch]} of 0/1 per row, or null for no padding
     * @param parameters by full name ({@code weight_ih_l0}, {@code weight_ih_l0_reverse}, ...)
     * @param initialStates empty for zeros, or {@code 2 * layers * stateNames().size()} tensors {@code [batch, H]}
     *     in PyTorch's {@code h_0} order: layer 0 forward, layer 0 reverse, layer 1 forward, ..., each with
     *     its states in {@link #stateNames()} order
     * @param stepGradientNorms null, or {@code steps} entries that backward fills with the norm of the
     *     gradient reaching the top layer's forward {@code h_t}
     * @param fused whether to use the cell's fused kernel where it has one
     * @param betweenLayers applied to each layer's outputs (both directions) but the last one's
     * @return outputs {@code [steps * batch, 2H]} (zero at padded rows) and the final states in the order of
     *     {@code initialStates}; a reverse direction's final state is its state after the sequence's first step
     */
    @Override
    public CellStack.Output forward(Graph graph, Var input, int steps, int batch, Tensor mask,
                                    Map<String, Var> parameters, List<Var> initialStates, double[] stepGradientNorms,
                                    boolean fused,
                                    UnaryOperator<Var> betweenLayers) {
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("steps and batch must be positive: " + steps + ", " + batch);
        }
        int rows = steps * batch;
        if (mask != null && mask.size() != rows) {
            throw new ShapeException("bidirectional stack mask: expected " + rows + " entries (steps * batch) but shape is "
                    + java.util.Arrays.toString(mask.shape()));
        }
        int perDirection = stateNames().size();
        int expectedStates = 2 * layers.size() * perDirection;
        if (!initialStates.isEmpty() && initialStates.size() != expectedStates) {
            throw new IllegalArgumentException("bidirectional stack: expected " + expectedStates
                    + " initial states (layers x 2 directions x " + stateNames() + ") or none, but got "
                    + initialStates.size());
        }
        input.value().requireShape("bidirectional stack input", rows, inputSize());
        ReversedRows order = ReversedRows.of(steps, batch, mask);
        Var layerInput = input;
        List<Var> finals = new ArrayList<>(expectedStates);
        for (int k = 0; k < layers.size(); k++) {
            CellStack stack = layers.get(k);
            double[] norms = k == layers.size() - 1 ? stepGradientNorms : null;
            CellStack.Output ahead = stack.forward(graph, layerInput, steps, batch, mask,
                    direction(parameters, k, false, "forward"), states(initialStates, 2 * k, perDirection), norms, fused);
            Var reversedInput = graph.embedding(layerInput, order.permutation());
            CellStack.Output back = stack.forward(graph, reversedInput, steps, batch, order.reversedMask(),
                    direction(parameters, k, true, "forward"), states(initialStates, 2 * k + 1, perDirection), null,
                    fused);
            Var backInOrder = graph.embedding(back.outputs(), order.inverse());
            layerInput = graph.concatColumns(List.of(ahead.outputs(), backInOrder));
            if (k < layers.size() - 1) {
                layerInput = betweenLayers.apply(layerInput);
            }
            finals.addAll(ahead.finalStates());
            finals.addAll(back.finalStates());
        }
        Var outputs = order.padded() ? graph.selectRows(mask, layerInput, graph.constant(zeroOutputs(rows))) : layerInput;
        return new CellStack.Output(outputs, List.copyOf(finals));
    }

    private static List<Var> states(List<Var> all, int direction, int perDirection) {
        return all.isEmpty() ? List.of() : all.subList(direction * perDirection, (direction + 1) * perDirection);
    }

    private Tensor zeroOutputs(int rows) {
        Tensor z = zeroOutputs;
        if (z == null || z.dim(0) != rows) {
            z = Tensor.zeros(rows, outputSize());
            zeroOutputs = z;
        }
        return z;
    }

    /** One direction's parameters of layer {@code layer}, under the names of a one-layer stack ({@code weight_ih_l0}). */
    private <V> Map<String, V> direction(Map<String, V> all, int layer, boolean reverse, String what) {
        Map<String, V> own = new HashMap<>();
        for (ParameterSpec p : cell(layer).parameters()) {
            String full = parameterName(p.name(), layer, reverse);
            V v = all.get(full);
            if (v == null) {
                throw new IllegalArgumentException("bidirectional stack " + what + ": parameter '" + full
                        + "' is missing; expected " + parameters());
            }
            own.put(CellStack.layerName(p.name(), 0), v);
        }
        return own;
    }
}
