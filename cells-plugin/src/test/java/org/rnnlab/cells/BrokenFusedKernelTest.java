package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.FusedOp;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.testkit.CellChecks;

/** A fused kernel whose backward overstates one gradient by 1% fails the kit's fused = composed check, by name. */
class BrokenFusedKernelTest {

    /** The lstm, except that its kernel's backward multiplies the gradient of weight_ih by {@code factor}. */
    static CellFactory lstmWithWrongKernel(float factor) {
        CellFactory real = new LstmCellFactory();
        return new CellFactory() {
            @Override
            public String id() {
                return "broken-lstm";
            }

            @Override
            public String description() {
                return "lstm with a wrong fused backward";
            }

            @Override
            public Cell create(CellSpec spec) {
                Cell cell = real.create(spec);
                return new Cell() {
                    @Override
                    public int inputSize() {
                        return cell.inputSize();
                    }

                    @Override
                    public int hiddenSize() {
                        return cell.hiddenSize();
                    }

                    @Override
                    public List<String> stateNames() {
                        return cell.stateNames();
                    }

                    @Override
                    public List<ParameterSpec> parameters() {
                        return cell.parameters();
                    }

                    @Override
                    public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
                        cell.initialize(parameters, random);
                    }

                    @Override
                    public List<Var> step(Graph graph, Var x, List<Var> state, Map<String, Var> parameters) {
                        return cell.step(graph, x, state, parameters);
                    }

                    @Override
                    public Optional<SequenceKernel> fused() {
                        SequenceKernel kernel = cell.fused().orElseThrow();
                        return Optional.of((steps, batch, masked, norms) ->
                                scaled(kernel.sequenceOp(steps, batch, masked, norms), masked ? 4 : 3, factor));
                    }
                };
            }
        };
    }

    static FusedOp scaled(FusedOp op, int weightIhInput, float factor) {
        return new FusedOp() {
            @Override
            public String name() {
                return op.name();
            }

            @Override
            public int[][] outputShapes(Tensor[] inputs) {
                return op.outputShapes(inputs);
            }

            @Override
            public void forward(Tensor[] inputs, Tensor[] outputs, Workspace workspace) {
                op.forward(inputs, outputs, workspace);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor[] outputs, Tensor[] gradOutputs, Tensor[] gradInputs, Workspace ws) {
                op.backward(inputs, outputs, gradOutputs, gradInputs, ws);
                Tensor g = gradInputs[weightIhInput];
                for (int i = 0; i < g.size(); i++) {
                    g.data()[g.offset() + i] *= factor;
                }
            }
        };
    }

    @Test
    void aOnePercentWrongKernelGradientIsNamed() {
        assertThatThrownBy(() -> CellChecks.fusedMatchesComposed(lstmWithWrongKernel(1.01f), new CellSpec(3, 4), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[fused = composed] cell 'broken-lstm' (" + BrokenFusedKernelTest.class.getName() + "$1): "
                        + "gradient of weight_ih_l0: relative error 1.0e-02 exceeds 1.0e-04");
    }

    @Test
    void theUnbrokenWrapperPasses() {
        assertThatCode(() -> CellChecks.fusedMatchesComposed(lstmWithWrongKernel(1f), new CellSpec(3, 4), true))
                .doesNotThrowAnyException();
    }
}
