package org.rnnlab.engine.autodiff;

import java.util.Arrays;
import java.util.List;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * One application of a {@link FusedOp}. The tape holds this entry; its outputs are {@link Output}
 * nodes recorded just after it, so by the time this entry runs backward every output's gradient is
 * complete.
 */
final class FusedCall extends TapeEntry {
    private final Graph graph;
    private final FusedOp op;
    private final Node[] inputs;
    private final Tensor[] inputValues;
    private final Tensor[] outputValues;
    private final Output[] outputs;
    private final boolean requiresGrad;

    FusedCall(Graph graph, FusedOp op, Node[] inputs) {
        this.graph = graph;
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = ConcatNode.anyRequiresGrad(inputs);
        inputValues = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inputValues[i] = inputs[i].value;
        }
        int[][] shapes = op.outputShapes(inputValues);
        if (shapes == null) {
            throw new ShapeException(op.name() + ": outputShapes returned null");
        }
        outputValues = new Tensor[shapes.length];
        outputs = new Output[shapes.length];
        for (int j = 0; j < shapes.length; j++) {
            outputValues[j] = graph.workspace().take(shapes[j]);
        }
        op.forward(inputValues, outputValues, graph.workspace());
        for (int j = 0; j < shapes.length; j++) {
            outputs[j] = new Output(graph, outputValues[j], requiresGrad);
        }
    }

    List<Var> outputs() {
        return Arrays.asList(outputs);
    }

    /** The outputs, recorded after this call so that they run backward before it. */
    Output[] outputNodes() {
        return outputs;
    }

    @Override
    void backward() {
        if (!requiresGrad) {
            return;
        }
        boolean reached = false;
        for (Output o : outputs) {
            reached |= o.hasGrad();
        }
        if (!reached) {
            return;
        }
        Tensor[] gradOutputs = new Tensor[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            gradOutputs[j] = outputs[j].grad();
        }
        Tensor[] gradInputs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            gradInputs[i] = inputs[i].requiresGrad ? inputs[i].grad() : null;
        }
        op.backward(inputValues, outputValues, gradOutputs, gradInputs, graph.workspace());
    }

    /** An output of a fused op; its gradient is consumed by the {@link FusedCall}. */
    static final class Output extends Node {
        Output(Graph graph, Tensor value, boolean requiresGrad) {
            super(graph, value, requiresGrad);
        }

        @Override
        void propagate(Tensor g, Kernels k) {
            // the owning FusedCall reads this gradient when it runs backward
        }
    }
}
