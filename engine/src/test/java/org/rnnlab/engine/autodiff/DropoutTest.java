package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.engine.autodiff.GradientCheck.check;
import static org.rnnlab.engine.autodiff.GradientCheck.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
 * {@link Graph#dropout}: finite differences through a fixed mask, the scalar and vector kernels bit for bit,
 * and PyTorch's own training-mode {@code F.dropout} ({@code reference/dropout.json}, made by
 * {@code engine/tools/dropout_reference.py}) given the mask it drew.
 */
class DropoutTest {

    static Stream<Kernels> kernels() {
        return Stream.of(new ScalarKernels(), new VectorKernels());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gradientMatchesFiniteDifferencesWithAFixedMask(Kernels k) {
        SplittableRandom r = new SplittableRandom(3);
        Tensor mask = mask(new SplittableRandom(4), 0.4, 5, 7);
        Tensor target = random(r, 5, 7);
        // dropout feeding a nonlinearity and a product, so the mask's scale and zeros both reach the loss
        check(k, List.of(random(r, 5, 7)), (g, p) -> g.dot(g.tanh(g.dropout(p.get(0), mask)), target));
        // through a linear layer, as before the output head
        check(k, List.of(random(r, 5, 3), random(r, 7, 3)), (g, p) -> g.dot(g.tanh(g.matmulTransposed(
                g.dropout(p.get(0), mask(new SplittableRandom(9), 0.25, 5, 3)), p.get(1))), target));
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameBits() {
        SplittableRandom r = new SplittableRandom(5);
        Tensor x = random(r, 37, 19); // odd sizes: the vector loop's tail runs too
        Tensor mask = mask(new SplittableRandom(6), 0.3, 37, 19);
        Tensor upstream = random(r, 37, 19);
        float[][] results = new float[2][];
        float[][] grads = new float[2][];
        List<Kernels> both = List.of(new ScalarKernels(), new VectorKernels());
        for (int i = 0; i < 2; i++) {
            Graph g = new Graph(new Workspace(), both.get(i));
            Tensor dx = Tensor.zeros(37, 19);
            Var y = g.dropout(g.parameter(x, dx), mask);
            results[i] = y.value().toArray();
            g.backward(g.dot(y, upstream));
            grads[i] = dx.toArray();
        }
        assertThat(results[1]).isEqualTo(results[0]);
        assertThat(grads[1]).isEqualTo(grads[0]);
        assertThat(results[0]).contains(0f); // the mask did drop something
    }

    /**
     * Tolerance: rnnlab's kept scale is {@code (float) (1 / (1 - p))}, PyTorch divides a float32 mask by
     * {@code 1 - p}; the two may differ by one rounding of the scale, then one of the product, so each
     * element agrees to 2 ulp (relative 2.4e-7); 1e-6 relative to the element. A wrong scale (1 instead of
     * 1/(1-p)) or a wrong kept set is an error of order 1.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void matchesPyTorchGivenItsMask(Kernels k) throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/reference/dropout.json")) {
            root = new ObjectMapper().readTree(in);
        }
        assertThat(root.get("cases")).hasSize(3);
        for (JsonNode c : root.get("cases")) {
            String name = c.get("name").asText();
            double p = c.get("p").asDouble();
            Tensor keep = tensor(c.get("keep"));
            Tensor mask = Tensor.zeros(keep.shape());
            float scale = (float) (1.0 / (1.0 - p));
            for (int i = 0; i < keep.size(); i++) {
                mask.data()[i] = keep.data()[i] != 0f ? scale : 0f;
            }
            Graph g = new Graph(new Workspace(), k);
            Tensor x = tensor(c.get("x"));
            Tensor dx = Tensor.zeros(x.shape());
            Var y = g.dropout(g.parameter(x, dx), mask);
            g.backward(g.dot(y, tensor(c.get("upstream"))));
            assertClose(name + " y", y.value(), c.get("y"));
            assertClose(name + " grad_x", dx, c.get("grad_x"));
        }
    }

    @Test
    void refusesAMaskOfAnotherShape() {
        Graph g = new Graph(new Workspace());
        assertThatThrownBy(() -> g.dropout(g.constant(Tensor.zeros(3, 4)), Tensor.zeros(4, 3)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("dropout: mask [4, 3]");
    }

    /** A mask of 0 and {@code 1 / (1 - p)}, dropping each element with probability {@code p}. */
    static Tensor mask(SplittableRandom r, double p, int rows, int cols) {
        Tensor m = Tensor.zeros(rows, cols);
        float scale = (float) (1.0 / (1.0 - p));
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = r.nextDouble() < p ? 0f : scale;
        }
        return m;
    }

    private static void assertClose(String what, Tensor actual, JsonNode expected) {
        Tensor e = tensor(expected);
        assertThat(actual.shape()).as(what + " shape").isEqualTo(e.shape());
        for (int i = 0; i < e.size(); i++) {
            double x = e.data()[i];
            assertThat((double) actual.data()[actual.offset() + i]).as("%s element %d", what, i)
                    .isCloseTo(x, within(1e-6 * Math.abs(x)));
        }
    }

    private static Tensor tensor(JsonNode n) {
        int[] shape = new int[n.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = n.get("shape").get(i).asInt();
        }
        JsonNode data = n.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data.get(i).asDouble();
        }
        return Tensor.of(values, shape);
    }
}
