package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.engine.autodiff.GradientCheck.check;
import static org.rnnlab.engine.autodiff.GradientCheck.random;

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
 * The ops over time-major blocks (batched dot products, weighted sums, a block added to every block,
 * a masked softmax down columns, reshape): forward values against plain double-precision loops
 * written here (agreement within 1e-5: float32 sums of a handful of O(1) terms), gradients against
 * finite differences ({@link GradientCheck}), on both kernel sets.
 */
class BlockOpsTest {
    private static final int S = 4;
    private static final int B = 3;
    private static final int K = 5;
    /** Sequence b has 4, 2 and 1 real steps: time-major mask [S * B]. */
    private static final float[] MASK = {1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0};

    static Stream<Kernels> kernels() {
        return Stream.of(new ScalarKernels(), new VectorKernels());
    }

    private final SplittableRandom r = new SplittableRandom(11);

    private Var probe(Graph g, Var out) {
        return g.dot(out, random(new SplittableRandom(5), out.shape()));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void blockDotMatchesLoopsAndFiniteDifferences(Kernels k) {
        Tensor rows = random(r, S * B, K);
        Tensor query = random(r, B, K);
        Graph f = new Graph(new Workspace(), k);
        Var out = f.blockDot(f.constant(rows), f.constant(query));
        for (int s = 0; s < S; s++) {
            for (int b = 0; b < B; b++) {
                double sum = 0;
                for (int j = 0; j < K; j++) {
                    sum += (double) rows.get(s * B + b, j) * query.get(b, j);
                }
                assertThat(out.value().get(s, b)).isCloseTo((float) sum, within(1e-5f));
            }
        }
        check(k, List.of(rows, query), (g, p) -> probe(g, g.blockDot(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void blockWeightedSumMatchesLoopsAndFiniteDifferences(Kernels k) {
        Tensor weights = random(r, S, B);
        Tensor rows = random(r, S * B, K);
        Graph f = new Graph(new Workspace(), k);
        Var out = f.blockWeightedSum(f.constant(weights), f.constant(rows));
        assertThat(out.shape()).containsExactly(B, K);
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < K; j++) {
                double sum = 0;
                for (int s = 0; s < S; s++) {
                    sum += (double) weights.get(s, b) * rows.get(s * B + b, j);
                }
                assertThat(out.value().get(b, j)).isCloseTo((float) sum, within(1e-5f));
            }
        }
        check(k, List.of(weights, rows), (g, p) -> probe(g, g.blockWeightedSum(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void addToBlocksMatchesLoopsAndFiniteDifferences(Kernels k) {
        Tensor rows = random(r, S * B, K);
        Tensor block = random(r, B, K);
        Graph f = new Graph(new Workspace(), k);
        Var out = f.addToBlocks(f.constant(rows), f.constant(block));
        for (int i = 0; i < S * B; i++) {
            for (int j = 0; j < K; j++) {
                assertThat(out.value().get(i, j)).isEqualTo(rows.get(i, j) + block.get(i % B, j));
            }
        }
        check(k, List.of(rows, block), (g, p) -> probe(g, g.addToBlocks(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void blockTanhDotMatchesLoopsTheComposedFormAndFiniteDifferences(Kernels k) {
        Tensor rows = random(r, S * B, K);
        Tensor block = random(r, B, K);
        Tensor weights = random(r, 1, K);
        Graph f = new Graph(new Workspace(), k);
        Var out = f.blockTanhDot(f.constant(rows), f.constant(block), f.constant(weights));
        Var composed = f.reshape(f.matmulTransposed(f.tanh(f.addToBlocks(f.constant(rows), f.constant(block))),
                f.constant(weights)), S, B);
        for (int s = 0; s < S; s++) {
            for (int b = 0; b < B; b++) {
                double sum = 0;
                for (int j = 0; j < K; j++) {
                    sum += weights.get(0, j) * Math.tanh((double) rows.get(s * B + b, j) + block.get(b, j));
                }
                assertThat(out.value().get(s, b)).isCloseTo((float) sum, within(1e-5f));
                assertThat(out.value().get(s, b)).isCloseTo(composed.value().get(s, b), within(1e-5f));
            }
        }
        check(k, List.of(rows, block, weights), (g, p) -> probe(g, g.blockTanhDot(p.get(0), p.get(1), p.get(2))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void maskedSoftmaxMatchesLoopsAndFiniteDifferences(Kernels k) {
        Tensor x = random(r, S, B);
        Tensor mask = Tensor.of(MASK, S * B);
        Graph f = new Graph(new Workspace(), k);
        Var out = f.softmaxColumns(f.constant(x), mask);
        for (int b = 0; b < B; b++) {
            double sum = 0;
            for (int s = 0; s < S; s++) {
                sum += MASK[s * B + b] * Math.exp(x.get(s, b));
            }
            for (int s = 0; s < S; s++) {
                double expected = MASK[s * B + b] * Math.exp(x.get(s, b)) / sum;
                assertThat(out.value().get(s, b)).isCloseTo((float) expected, within(1e-6f));
            }
        }
        check(k, List.of(x), (g, p) -> probe(g, g.softmaxColumns(p.get(0), mask)));
        check(k, List.of(random(r, S, B)), (g, p) -> probe(g, g.softmaxColumns(p.get(0), null)));
    }

    @Test
    void maskedEntriesGetNoWeightAndNoGradientEvenWhenHuge() {
        Tensor x = random(r, S, B);
        x.set(1e30f, 3, 0); // real step: stays finite, takes all the weight
        x.set(1e30f, 1, 2); // padded step: must be ignored
        Tensor grad = Tensor.zeros(S, B);
        Graph g = new Graph(new Workspace());
        Var y = g.softmaxColumns(g.parameter(x, grad), Tensor.of(MASK, S * B));
        g.backward(probe(g, y));
        assertThat(y.value().get(3, 0)).isEqualTo(1f);
        assertThat(y.value().get(0, 2)).isEqualTo(1f);
        assertThat(y.value().get(1, 2)).isZero();
        for (int i = 0; i < S * B; i++) {
            if (MASK[i] == 0) {
                assertThat(grad.data()[i]).as("gradient of padded entry %d", i).isZero();
            }
        }
    }

    @Test
    void aColumnWithoutRealEntriesIsZeroNotNaN() {
        Graph g = new Graph(new Workspace());
        Var y = g.softmaxColumns(g.constant(random(r, 2, 2)), Tensor.of(new float[] {1, 0, 1, 0}, 4));
        assertThat(y.value().get(0, 1)).isZero();
        assertThat(y.value().get(1, 1)).isZero();
        assertThat(y.value().get(0, 0) + y.value().get(1, 0)).isCloseTo(1f, within(1e-6f));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void reshapeIsAViewWithGradient(Kernels k) {
        check(k, List.of(random(r, S * B, 1)), (g, p) -> probe(g, g.reshape(p.get(0), S, B)));
        Graph g = new Graph(new Workspace(), k);
        Tensor t = random(r, 6, 1);
        assertThat(g.reshape(g.constant(t), 2, 3).value().data()).isSameAs(t.data());
    }

    @Test
    void wrongShapesAreRefusedNamingTheOp() {
        Graph g = new Graph(new Workspace());
        Var rows = g.constant(Tensor.zeros(7, K));
        Var query = g.constant(Tensor.zeros(B, K));
        assertThatThrownBy(() -> g.blockDot(rows, query)).isInstanceOf(ShapeException.class).hasMessageStartingWith("blockDot");
        assertThatThrownBy(() -> g.addToBlocks(rows, query)).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("addToBlocks");
        assertThatThrownBy(() -> g.blockWeightedSum(g.constant(Tensor.zeros(2, B)), rows))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("blockWeightedSum");
        assertThatThrownBy(() -> g.softmaxColumns(query, Tensor.zeros(2))).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("softmaxColumns");
        assertThatThrownBy(() -> g.reshape(rows, 5, 5)).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> g.blockTanhDot(g.constant(Tensor.zeros(6, K)), query, query))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("blockTanhDot");
    }
}
