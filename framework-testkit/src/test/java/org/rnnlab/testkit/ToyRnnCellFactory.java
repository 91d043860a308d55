package org.rnnlab.testkit;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.FusedOp;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.engine.kernel.Kernels;

/**
 * A tanh RNN whose step is one hand-written {@link FusedOp}, as a third party might write it. With
 * {@code recurrentGradientScale != 1} its backward scales the gradient of {@code weight_hh}: a cell with a
 * wrong gradient, which the kit must catch.
 */
final class ToyRnnCellFactory implements CellFactory {
    private final float recurrentGradientScale;

    ToyRnnCellFactory(float recurrentGradientScale) {
        this.recurrentGradientScale = recurrentGradientScale;
    }

    @Override
    public String id() {
        return "toy-rnn";
    }

    @Override
    public String description() {
        return "tanh RNN with a hand-written step";
    }

    @Override
    public Cell create(CellSpec spec) {
        if (!spec.options().isEmpty()) {
            throw new ConfigException("cell 'toy-rnn': unknown options " + spec.options().keySet());
        }
        int in = spec.inputSize();
        int h = spec.hiddenSize();
        return new Cell() {
            @Override
            public int inputSize() {
                return in;
            }

            @Override
            public int hiddenSize() {
                return h;
            }

            @Override
            public List<String> stateNames() {
                return List.of("h");
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(new ParameterSpec("weight_ih", new int[] {h, in}),
                        new ParameterSpec("weight_hh", new int[] {h, h}), new ParameterSpec("bias", new int[] {h}));
            }

            @Override
            public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
                for (Tensor t : parameters.values()) {
                    for (int i = 0; i < t.size(); i++) {
                        t.data()[t.offset() + i] = (float) (random.nextDouble() - 0.5) / (float) Math.sqrt(h);
                    }
                }
            }

            @Override
            public List<Var> step(Graph graph, Var x, List<Var> state, Map<String, Var> p) {
                return List.of(graph.fused(new Step(recurrentGradientScale),
                        List.of(x, state.getFirst(), p.get("weight_ih"), p.get("weight_hh"), p.get("bias"))).getFirst());
            }
        };
    }

    /** {@code tanh(x W^T + h U^T + b)} with its backward written out. */
    private record Step(float recurrentGradientScale) implements FusedOp {
        @Override
        public String name() {
            return "toy-rnn-step";
        }

        @Override
        public int[][] outputShapes(Tensor[] in) {
            return new int[][] {{in[0].dim(0), in[3].dim(0)}};
        }

        @Override
        public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
            Kernels k = Kernels.get();
            int b = in[0].dim(0);
            int i = in[0].dim(1);
            int h = in[3].dim(0);
            Tensor y = out[0];
            k.gemmNT(b, h, i, in[0].data(), in[0].offset(), i, in[2].data(), in[2].offset(), i, y.data(), y.offset(), h, false);
            k.gemmNT(b, h, h, in[1].data(), in[1].offset(), h, in[3].data(), in[3].offset(), h, y.data(), y.offset(), h, true);
            k.addBias(b, h, in[4].data(), in[4].offset(), y.data(), y.offset());
            k.tanh(b * h, y.data(), y.offset(), y.data(), y.offset());
        }

        @Override
        public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
            Kernels k = Kernels.get();
            int b = in[0].dim(0);
            int i = in[0].dim(1);
            int h = in[3].dim(0);
            Tensor d = ws.take(b, h);
            k.tanhBackward(b * h, out[0].data(), out[0].offset(), gradOut[0].data(), gradOut[0].offset(), d.data(), d.offset(), false);
            if (gradIn[0] != null) {
                k.gemmNN(b, i, h, d.data(), d.offset(), h, in[2].data(), in[2].offset(), i, gradIn[0].data(), gradIn[0].offset(), i, true);
            }
            if (gradIn[1] != null) {
                k.gemmNN(b, h, h, d.data(), d.offset(), h, in[3].data(), in[3].offset(), h, gradIn[1].data(), gradIn[1].offset(), h, true);
            }
            if (gradIn[2] != null) {
                k.gemmTN(h, i, b, d.data(), d.offset(), h, in[0].data(), in[0].offset(), i, gradIn[2].data(), gradIn[2].offset(), i, true);
            }
            if (gradIn[3] != null) {
                Tensor dU = ws.take(h, h);
                k.gemmTN(h, h, b, d.data(), d.offset(), h, in[1].data(), in[1].offset(), h, dU.data(), dU.offset(), h, false);
                k.axpy(h * h, recurrentGradientScale, dU.data(), dU.offset(), gradIn[3].data(), gradIn[3].offset());
            }
            if (gradIn[4] != null) {
                k.sumRows(b, h, d.data(), d.offset(), gradIn[4].data(), gradIn[4].offset());
            }
        }
    }
}
