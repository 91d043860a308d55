package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;

/**
 * Dropout between stacked layers against PyTorch's {@code nn.LSTM(num_layers=2, dropout=0.4)} in training mode
 * ({@code reference/lstm-dropout.json}, made by {@code engine/tools/dropout_reference.py --lstm}, which reads
 * back the mask PyTorch drew between the layers and asserts that the layer-by-layer decomposition reproduces
 * nn.LSTM's output exactly). Given that mask, rnnlab's {@link CellStack} with a between-layers dropout gives
 * PyTorch's output, final states and every gradient, composed and fused: the dropout sits between the
 * layers, outside the cell, and the fused kernel runs unchanged.
 *
 * <p>Tolerance: both sides compute in float32 (PyTorch's CPU LSTM, rnnlab's kernels) over 5 steps with
 * sums of at most 15 terms per gate; the cell reference tests hold such cases to 1e-4 relative
 * ({@code ReferenceCheck.RELATIVE_TOLERANCE}), so 1e-4 of each tensor's largest magnitude here. Dropping
 * no unit, or not scaling the kept ones by 1/(1-p), moves layer 1's output by far more.
 */
class LstmDropoutReferenceTest {

    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void matchesPyTorchsLstmWithDropoutBetweenLayers(boolean fused) throws IOException {
        JsonNode c = new ObjectMapper().readTree(Files.readString(PyTorchReferenceTest.resource("lstm-dropout.json")))
                .get("cases").get(0);
        int steps = c.get("steps").asInt();
        int batch = c.get("batch").asInt();
        int hidden = c.get("hidden").asInt();
        double p = c.get("p").asDouble();
        CellStack stack = CellStack.of(new LstmCellFactory(), new CellSpec(c.get("input").asInt(), hidden, Map.of()), 2);

        Tensor keep = tensor(c.get("keep"));
        Tensor mask = Tensor.zeros(keep.shape());
        for (int i = 0; i < keep.size(); i++) {
            mask.data()[i] = keep.data()[i] != 0 ? (float) (1.0 / (1.0 - p)) : 0f;
        }
        Graph graph = new Graph(new Workspace());
        Map<String, Var> vars = new HashMap<>();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        c.get("weights").properties().forEach(e -> {
            Tensor w = tensor(e.getValue());
            Tensor g = Tensor.zeros(w.shape());
            grads.put(e.getKey(), g);
            vars.put(e.getKey(), graph.parameter(w, g));
        });
        Tensor x = tensor(c.get("x"));
        Tensor dx = Tensor.zeros(x.shape());
        List<Integer> calls = new ArrayList<>();
        CellStack.Output out = stack.forward(graph, graph.parameter(x, dx), steps, batch, null, vars, List.of(), null, fused,
                v -> {
                    calls.add(1);
                    return graph.dropout(v, mask);
                });
        assertThat(calls).as("applied between the two layers only, not after the top one").hasSize(1);
        graph.backward(graph.dot(out.outputs(), tensor(c.get("upstream"))));

        assertClose("output", out.outputs().value(), c.get("output"));
        Tensor hn = tensor(c.get("h_n"));
        Tensor cn = tensor(c.get("c_n"));
        int layerSize = batch * hidden;
        for (int layer = 0; layer < 2; layer++) {
            assertClose("h_n layer " + layer, out.finalStates().get(2 * layer).value(), slice(hn, layer * layerSize, layerSize));
            assertClose("c_n layer " + layer, out.finalStates().get(2 * layer + 1).value(), slice(cn, layer * layerSize, layerSize));
        }
        assertClose("grad x", dx, c.get("grad_x"));
        for (Entry<String, JsonNode> e : c.get("grads").properties()) {
            assertClose("grad " + e.getKey(), grads.get(e.getKey()), e.getValue());
        }
    }

    private static float[] slice(Tensor t, int from, int size) {
        float[] out = new float[size];
        System.arraycopy(t.data(), from, out, 0, size);
        return out;
    }

    private static void assertClose(String what, Tensor actual, JsonNode expected) {
        assertClose(what, actual, tensor(expected).toArray());
    }

    private static void assertClose(String what, Tensor actual, float[] expected) {
        float[] a = actual.toArray();
        assertThat(a).as(what + " size").hasSize(expected.length);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < a.length; i++) {
            assertThat((double) a[i]).as("%s element %d", what, i).isCloseTo(expected[i], within(1e-4 * scale));
        }
    }

    private static Tensor tensor(JsonNode n) {
        int[] shape = new int[n.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = n.get("shape").get(i).asInt();
        }
        float[] values = new float[n.get("data").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) n.get("data").get(i).asDouble();
        }
        return Tensor.of(values, shape);
    }
}
