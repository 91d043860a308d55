package org.rnnlab.model.cell;

import org.rnnlab.api.cell.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * The recurrent part of a model: layers of cells run over time-major padded batches, with parameters
 * under PyTorch's names. One direction ({@link CellStack}) or both ({@link BidirectionalStack}).
 *
 * @since 0.2
 */
public sealed interface RecurrentLayers permits CellStack, BidirectionalStack {

    /** Every parameter with its full PyTorch name and shape, in PyTorch's order. */
    List<ParameterSpec> parameters();

    /** Initialises every parameter through the cells, drawing from {@code random} in parameter order. */
    void initialize(Map<String, Tensor> parameters, RandomGenerator random);

    /** The state names of one layer (one direction), output first. */
    List<String> stateNames();

    /** Carried state tensors in all: layers x directions x {@link #stateNames()}. */
    int stateCount();

    /** Columns of the outputs: the hidden size, twice it when bidirectional. */
    int outputSize();

    /**
     * Runs the layers over {@code steps} steps of {@code batch} sequences; see {@link CellStack#forward} and
     * {@link BidirectionalStack#forward} for the layouts of states and outputs.
     */
    default CellStack.Output forward(Graph graph, Var input, int steps, int batch, Tensor mask, Map<String, Var> parameters,
                                     List<Var> initialStates, double[] stepGradientNorms, boolean fused) {
        return forward(graph, input, steps, batch, mask, parameters, initialStates, stepGradientNorms, fused,
                UnaryOperator.identity());
    }

    /**
     * As {@link #forward(Graph, Var, int, int, Tensor, Map, List, double[], boolean)}, with {@code betweenLayers}
     * applied to the outputs of every layer but the last before the next layer reads them (both directions'
     * outputs together when bidirectional): where PyTorch's {@code nn.LSTM(dropout=p)} drops, never on the
     * recurrent connection, so a cell's fused kernel runs unchanged.
     */
    CellStack.Output forward(Graph graph, Var input, int steps, int batch, Tensor mask, Map<String, Var> parameters,
                             List<Var> initialStates, double[] stepGradientNorms, boolean fused,
                             UnaryOperator<Var> betweenLayers);
}
