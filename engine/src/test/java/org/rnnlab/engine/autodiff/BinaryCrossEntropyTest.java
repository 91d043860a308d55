package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.rnnlab.engine.autodiff.GradientCheck.check;
import static org.rnnlab.engine.autodiff.GradientCheck.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;
import org.rnnlab.engine.kernel.VectorKernels;

/**
 * {@link Graph#binaryCrossEntropyWithLogits}: finite differences, a plain scalar reference written from the
 * definition, and PyTorch's {@code binary_cross_entropy_with_logits} ({@code reference/bce-with-logits.json},
 * made by {@code engine/tools/bce_with_logits_reference.py}).
 */
class BinaryCrossEntropyTest {
    private final SplittableRandom r = new SplittableRandom(21);

    static Stream<Kernels> kernels() {
        return Stream.of(new ScalarKernels(), new VectorKernels());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gradientMatchesFiniteDifferences(Kernels k) {
        Tensor target = multiHot(new SplittableRandom(5), 4, 9, 0.3);
        check(k, List.of(random(r, 4, 9)), (g, p) -> g.binaryCrossEntropyWithLogits(p.get(0), target, null));
        // masked rows: a padding row may hold any target
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 1}, 4);
        check(k, List.of(random(r, 4, 9)), (g, p) -> g.binaryCrossEntropyWithLogits(p.get(0), target, mask));
        // through a linear layer, as a model's output head uses it
        check(k, List.of(random(r, 4, 3), random(r, 9, 3), random(r, 9)), (g, p) -> g.binaryCrossEntropyWithLogits(
                g.addBias(g.matmulTransposed(p.get(0), p.get(1)), p.get(2)), target, mask));
    }

    /**
     * The definition {@code -[y log p + (1-y) log(1-p)]}, {@code p = 1 / (1 + exp(-x))}, in double: for logits
     * of moderate size this loses nothing, so the fused form must agree to float32 rounding of the result
     * (relative 2^-24; 1e-6 allows the double sums of 36 terms).
     */
    @Test
    void agreesWithTheDefinitionForModerateLogits() {
        Tensor logits = random(r, 4, 9);
        for (int i = 0; i < logits.size(); i++) {
            logits.data()[i] *= 8;
        }
        Tensor target = multiHot(new SplittableRandom(6), 4, 9, 0.4);
        float[] mask = {1, 1, 0, 1};
        double sum = 0;
        for (int row = 0; row < 4; row++) {
            if (mask[row] == 0) {
                continue;
            }
            for (int j = 0; j < 9; j++) {
                double x = logits.get(row, j);
                double y = target.get(row, j);
                double p = 1 / (1 + Math.exp(-x));
                sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            }
        }
        Graph g = new Graph(new Workspace(), new ScalarKernels());
        float loss = g.binaryCrossEntropyWithLogits(g.constant(logits), target, Tensor.of(mask, 4)).value().item();
        assertThat((double) loss).isCloseTo(sum / 3, withinPercentage(1e-4));
    }

    @Test
    void staysFiniteAndExactForLogitsFarFromZero() {
        // sigmoid(+-200) rounds to exactly 1 or 0 in float and double; the loss of a wrong sign is |x|
        Tensor logits = Tensor.of(new float[] {200, -200, 200, -200}, 1, 4);
        Tensor target = Tensor.of(new float[] {1, 0, 0, 1}, 1, 4);
        Tensor grad = Tensor.zeros(1, 4);
        Graph g = new Graph(new Workspace());
        Var loss = g.binaryCrossEntropyWithLogits(g.parameter(logits, grad), target, null);
        assertThat(loss.value().item()).isEqualTo(400f);
        g.backward(loss);
        assertThat(grad.toArray()).containsExactly(0f, 0f, 1f, -1f);
    }

    @Test
    void paddingChangesNothingAndAllPaddingGivesZero() {
        Tensor logits = random(r, 3, 5);
        Tensor target = multiHot(new SplittableRandom(8), 3, 5, 0.5);
        Graph g = new Graph(new Workspace());
        float two = g.binaryCrossEntropyWithLogits(g.constant(logits.rows(0, 2)), target.rows(0, 2), null).value().item();
        Tensor mask = Tensor.of(new float[] {1, 1, 0}, 3);
        Tensor grad = Tensor.zeros(3, 5);
        Var padded = g.binaryCrossEntropyWithLogits(g.parameter(logits, grad), target, mask);
        assertThat(padded.value().item()).isEqualTo(two);
        g.backward(padded);
        assertThat(grad.rows(2, 3).toArray()).containsOnly(0f);

        Graph h = new Graph(new Workspace());
        Tensor none = Tensor.of(new float[] {0, 0, 0}, 3);
        assertThat(h.binaryCrossEntropyWithLogits(h.constant(logits), target, none).value().item()).isZero();
    }

    @Test
    void refusesMismatchedShapes() {
        Graph g = new Graph(new Workspace());
        Var logits = g.constant(Tensor.zeros(2, 3));
        assertThatThrownBy(() -> g.binaryCrossEntropyWithLogits(logits, Tensor.zeros(2, 4), null))
                .isInstanceOf(ShapeException.class).hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> g.binaryCrossEntropyWithLogits(logits, Tensor.zeros(2, 3), Tensor.zeros(3)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("mask");
        assertThatThrownBy(() -> g.binaryCrossEntropyWithLogits(g.constant(Tensor.zeros(6)), Tensor.zeros(6), null))
                .isInstanceOf(ShapeException.class).hasMessageContaining("matrix");
    }

    /**
     * PyTorch autograd in float64 on the same float32 inputs. Tolerances: the loss node alone, fed the
     * reference logits rounded to float32, differs only by that input rounding (relative 2^-24 per logit,
     * times |d loss / d logit| <= 1) and the float32 result: 1e-6 relative. Through the linear layer the
     * engine computes the logits and the weight gradients in float32 GEMMs with sums of at most 12 terms
     * (relative error ~12 * 2^-24 = 7e-7), so 1e-5 of each tensor's largest magnitude; a wrong sign,
     * factor or a missing mask is an error of order 1.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void matchesPyTorch(Kernels k) throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/reference/bce-with-logits.json")) {
            root = new ObjectMapper().readTree(in);
        }
        assertThat(root.get("cases")).hasSize(3);
        for (JsonNode c : root.get("cases")) {
            String name = c.get("name").asText();
            Tensor target = tensor(c.get("target"));
            Tensor mask = tensor(c.get("mask"));

            Graph alone = new Graph(new Workspace(), k);
            Tensor logits = tensor(c.get("logits"));
            Tensor gradLogits = Tensor.zeros(logits.shape());
            Var loss = alone.binaryCrossEntropyWithLogits(alone.parameter(logits, gradLogits), target, mask);
            assertThat((double) loss.value().item()).as(name + " loss")
                    .isCloseTo(c.get("loss").asDouble(), within(1e-6 * c.get("loss").asDouble()));
            alone.backward(loss);
            assertClose(name + " grad_logits", gradLogits, c.get("grad_logits"), 1e-6);

            Graph linear = new Graph(new Workspace(), k);
            Tensor w = tensor(c.get("weight"));
            Tensor b = tensor(c.get("bias"));
            Tensor gw = Tensor.zeros(w.shape());
            Tensor gb = Tensor.zeros(b.shape());
            Var out = linear.addBias(linear.matmulTransposed(linear.constant(tensor(c.get("h"))), linear.parameter(w, gw)),
                    linear.parameter(b, gb));
            Var composed = linear.binaryCrossEntropyWithLogits(out, target, mask);
            assertThat((double) composed.value().item()).as(name + " loss through the linear layer")
                    .isCloseTo(c.get("loss").asDouble(), within(1e-5 * c.get("loss").asDouble()));
            linear.backward(composed);
            assertClose(name + " grad_weight", gw, c.get("grad_weight"), 1e-5);
            assertClose(name + " grad_bias", gb, c.get("grad_bias"), 1e-5);
        }
    }

    private static void assertClose(String what, Tensor actual, JsonNode expected, double relative) {
        Tensor e = tensor(expected);
        assertThat(actual.shape()).as(what + " shape").isEqualTo(e.shape());
        double scale = 0;
        for (int i = 0; i < e.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get("data").get(i).asDouble()));
        }
        for (int i = 0; i < e.size(); i++) {
            double x = expected.get("data").get(i).asDouble();
            assertThat((double) actual.data()[actual.offset() + i]).as("%s element %d", what, i)
                    .isCloseTo(x, within(relative * scale));
        }
    }

    private static Tensor tensor(JsonNode n) {
        List<Integer> shape = new ArrayList<>();
        n.get("shape").forEach(d -> shape.add(d.asInt()));
        JsonNode data = n.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.get(i).asDouble();
        }
        return Tensor.of(values, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Tensor multiHot(SplittableRandom random, int rows, int cols, double density) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextDouble() < density ? 1f : 0f;
        }
        return t;
    }
}
