package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;

/**
 * The music model against PyTorch ({@code reference/multilabel-model.json}, made by
 * {@code trainers-plugin/tools/multilabel_reference.py}, the model of the JSB peer): 88 keys in, one cell
 * layer, a linear head, binary cross-entropy summed over the keys and averaged over the real steps of a
 * padded batch of two rolls, next-step prediction from a zero first input. Loss, the logits of every real
 * step and every parameter's gradient, composed and fused.
 *
 * <p>Tolerance as the cell reference checks ({@code ReferenceCheck}): relative error 1e-4, each element
 * judged against at least 1% of its tensor's largest entry; float32 rounding over a 5-step recurrence and
 * 88-term sums stays near 1e-6, a wrong term is of order 1.
 */
class MultiLabelReferenceTest {
    private static final double TOLERANCE = 1e-4;
    private static final double FLOOR = 1e-2;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lossLogitsAndGradientsMatchPyTorch(boolean fused) throws Exception {
        JsonNode root = ReferenceJson.read("/reference/multilabel-model.json");
        assertThat(root.get("cases")).hasSize(3);
        for (JsonNode c : root.get("cases")) {
            check(c, fused);
        }
    }

    private static void check(JsonNode c, boolean fused) {
        String cell = c.get("cell").asText();
        int hidden = c.get("hidden").asInt();
        int keys = c.get("keys").asInt();
        int lowest = c.get("lowest_key").asInt();
        List<float[][]> rolls = new ArrayList<>();
        for (JsonNode r : c.get("rolls")) {
            float[][] frames = new float[r.size()][keys];
            for (int t = 0; t < r.size(); t++) {
                for (JsonNode n : r.get(t)) {
                    frames[t][n.asInt() - lowest] = 1f;
                }
            }
            rolls.add(frames);
        }
        int batch = rolls.size();
        int steps = rolls.stream().mapToInt(f -> f.length).max().orElseThrow();
        float[] x = new float[steps * batch * keys];
        float[] y = new float[steps * batch * keys];
        float[] mask = new float[steps * batch];
        for (int b = 0; b < batch; b++) {
            float[][] f = rolls.get(b);
            for (int t = 0; t < f.length; t++) {
                System.arraycopy(f[t], 0, y, (t * batch + b) * keys, keys);
                if (t + 1 < f.length) {
                    System.arraycopy(f[t], 0, x, ((t + 1) * batch + b) * keys, keys);
                }
                mask[t * batch + b] = 1f;
            }
        }
        CellFactory factory = new TestComponents().get(ComponentKind.CELL, cell);
        CellStack stack = CellStack.of(factory, new CellSpec(keys, hidden, Map.of()), 1);
        Graph g = new Graph(new Workspace());
        Map<String, Var> vars = new LinkedHashMap<>();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        c.get("parameters").fields().forEachRemaining(e -> {
            Tensor value = tensor(e.getValue());
            Tensor grad = Tensor.zeros(value.shape());
            grads.put(e.getKey(), grad);
            vars.put(e.getKey(), g.parameter(value, grad));
        });
        Tensor m = Tensor.of(mask, steps * batch);
        CellStack.Output out = stack.forward(g, g.constant(Tensor.of(x, steps * batch, keys)), steps, batch, m, vars,
                List.of(), null, fused);
        Var logits = g.addBias(g.matmulTransposed(out.outputs(), vars.get("head.weight")), vars.get("head.bias"));
        Var loss = g.binaryCrossEntropyWithLogits(logits, Tensor.of(y, steps * batch, keys), m);
        String what = cell + (fused ? " fused" : " composed");
        assertThat(relativeError(new double[] {loss.value().item()}, new double[] {c.get("loss").asDouble()}))
                .as(what + " loss").isLessThanOrEqualTo(TOLERANCE);
        // PyTorch's padded rows hold zeros, rnnlab's the state carried over the padding: compare real steps only
        double[] expected = values(c.get("logits"));
        float[] actual = logits.value().toArray();
        List<Double> e = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int r = 0; r < mask.length; r++) {
            for (int k = 0; mask[r] != 0 && k < keys; k++) {
                e.add(expected[r * keys + k]);
                a.add((double) actual[r * keys + k]);
            }
        }
        assertThat(e).hasSize(c.get("steps").asInt() * keys);
        assertThat(relativeError(a.stream().mapToDouble(Double::doubleValue).toArray(),
                e.stream().mapToDouble(Double::doubleValue).toArray())).as(what + " logits").isLessThanOrEqualTo(TOLERANCE);
        g.backward(loss);
        c.get("gradients").fields().forEachRemaining(entry -> {
            float[] got = grads.get(entry.getKey()).toArray();
            double[] gd = new double[got.length];
            for (int i = 0; i < got.length; i++) {
                gd[i] = got[i];
            }
            assertThat(relativeError(gd, values(entry.getValue()))).as(what + " gradient of " + entry.getKey())
                    .isLessThanOrEqualTo(TOLERANCE);
        });
    }

    private static double relativeError(double[] actual, double[] expected) {
        return ReferenceJson.relativeError(actual, expected, FLOOR);
    }

    private static double[] values(JsonNode t) {
        return ReferenceJson.values(t);
    }

    private static Tensor tensor(JsonNode t) {
        return ReferenceJson.tensor(t);
    }
}
