package org.rnnlab.engine.autodiff;

import static org.rnnlab.engine.autodiff.GradientCheck.awayFromZero;
import static org.rnnlab.engine.autodiff.GradientCheck.check;
import static org.rnnlab.engine.autodiff.GradientCheck.random;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;
import org.rnnlab.engine.kernel.VectorKernels;

/** Finite-difference checks of every primitive op and of compositions, on both kernel sets. */
class GraphGradientTest {

    static Stream<Kernels> kernels() {
        return Stream.of(new ScalarKernels(), new VectorKernels());
    }

    private final SplittableRandom r = new SplittableRandom(42);

    /** A probe loss: sum of the output times fixed random weights, so every output element matters. */
    private Var probe(Graph g, Var out) {
        return g.dot(out, random(new SplittableRandom(7), out.shape()));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matmul(Kernels k) {
        check(k, List.of(random(r, 3, 5), random(r, 5, 4)), (g, p) -> probe(g, g.matmul(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matmulTransposed(Kernels k) {
        check(k, List.of(random(r, 3, 5), random(r, 4, 5)),
                (g, p) -> probe(g, g.matmulTransposed(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void addSubMul(Kernels k) {
        check(k, List.of(random(r, 2, 3), random(r, 2, 3)), (g, p) -> probe(g, g.add(p.get(0), p.get(1))));
        check(k, List.of(random(r, 2, 3), random(r, 2, 3)), (g, p) -> probe(g, g.sub(p.get(0), p.get(1))));
        check(k, List.of(random(r, 2, 3), random(r, 2, 3)), (g, p) -> probe(g, g.mul(p.get(0), p.get(1))));
        // the same var on both sides: both contributions must be summed
        check(k, List.of(random(r, 2, 3)), (g, p) -> probe(g, g.mul(p.get(0), p.get(0))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void scaleAndOneMinus(Kernels k) {
        check(k, List.of(random(r, 2, 3)), (g, p) -> probe(g, g.scale(p.get(0), -2.5f)));
        check(k, List.of(random(r, 2, 3)), (g, p) -> probe(g, g.oneMinus(p.get(0))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void addBias(Kernels k) {
        check(k, List.of(random(r, 4, 3), random(r, 3)), (g, p) -> probe(g, g.addBias(p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void activations(Kernels k) {
        check(k, List.of(random(r, 3, 19)), (g, p) -> probe(g, g.sigmoid(p.get(0))));
        check(k, List.of(random(r, 3, 19)), (g, p) -> probe(g, g.tanh(p.get(0))));
        check(k, List.of(awayFromZero(r, 3, 19)), (g, p) -> probe(g, g.relu(p.get(0))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void slicesAndConcatenations(Kernels k) {
        check(k, List.of(random(r, 3, 7)), (g, p) -> probe(g, g.sliceColumns(p.get(0), 2, 5)));
        check(k, List.of(random(r, 5, 3)), (g, p) -> probe(g, g.sliceRows(p.get(0), 1, 4)));
        check(k, List.of(random(r, 3, 2), random(r, 3, 4)),
                (g, p) -> probe(g, g.concatColumns(List.of(p.get(0), p.get(1), p.get(0)))));
        check(k, List.of(random(r, 2, 3), random(r, 1, 3)),
                (g, p) -> probe(g, g.concatRows(List.of(p.get(1), p.get(0), p.get(1)))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void embedding(Kernels k) {
        int[] ids = {3, 0, 3, 1, 4};
        check(k, List.of(random(r, 5, 3)), (g, p) -> probe(g, g.embedding(p.get(0), ids)));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void selectRows(Kernels k) {
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 0}, 4, 1);
        check(k, List.of(random(r, 4, 3), random(r, 4, 3)),
                (g, p) -> probe(g, g.selectRows(mask, p.get(0), p.get(1))));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void softmaxCrossEntropy(Kernels k) {
        int[] targets = {2, 0, 16, 5};
        check(k, List.of(random(r, 4, 17)), (g, p) -> g.softmaxCrossEntropy(p.get(0), targets, null));
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 1}, 4);
        // a masked row may hold any target, even an invalid one
        int[] padded = {2, -1, 16, 5};
        check(k, List.of(random(r, 4, 17)), (g, p) -> g.softmaxCrossEntropy(p.get(0), padded, mask));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void meanSquaredError(Kernels k) {
        Tensor target = random(new SplittableRandom(3), 3, 4);
        Tensor mask = Tensor.of(new float[] {1, 0, 1}, 3);
        check(k, List.of(random(r, 3, 4)), (g, p) -> g.meanSquaredError(p.get(0), target, null));
        check(k, List.of(random(r, 3, 4)), (g, p) -> g.meanSquaredError(p.get(0), target, mask));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void lstmLikeStep(Kernels k) {
        int b = 3;
        int in = 4;
        int h = 5;
        check(k, List.of(random(r, b, in), random(r, b, h), random(r, b, h), random(r, 4 * h, in),
                random(r, 4 * h, h), random(r, 4 * h)), (g, p) -> {
                    Var gates = g.addBias(g.add(g.matmulTransposed(p.get(0), p.get(3)),
                            g.matmulTransposed(p.get(1), p.get(4))), p.get(5));
                    Var i = g.sigmoid(g.sliceColumns(gates, 0, h));
                    Var f = g.sigmoid(g.sliceColumns(gates, h, 2 * h));
                    Var c = g.tanh(g.sliceColumns(gates, 2 * h, 3 * h));
                    Var o = g.sigmoid(g.sliceColumns(gates, 3 * h, 4 * h));
                    Var cNext = g.add(g.mul(f, p.get(2)), g.mul(i, c));
                    Var hNext = g.mul(o, g.tanh(cNext));
                    return g.add(probe(g, hNext), probe(g, cNext));
                });
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gruLikeInterpolationAndSequenceLoss(Kernels k) {
        int b = 2;
        int steps = 3;
        int h = 4;
        int vocab = 6;
        int[] ids = {1, 5, 0, 2, 3, 3};
        int[] targets = {5, 0, 2, 3, 3, 1};
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 1, 1}, steps * b);
        check(k, List.of(random(r, vocab, h), random(r, h, h), random(r, vocab, h), random(r, vocab)),
                (g, p) -> {
                    Var x = g.embedding(p.get(0), ids);
                    Var state = g.sliceRows(x, 0, b);
                    List<Var> outs = new java.util.ArrayList<>();
                    for (int t = 0; t < steps; t++) {
                        Var xt = g.sliceRows(x, t * b, (t + 1) * b);
                        Var z = g.sigmoid(g.matmul(state, p.get(1)));
                        Var cand = g.tanh(g.add(xt, g.scale(state, 0.5f)));
                        state = g.add(g.mul(z, state), g.mul(g.oneMinus(z), cand));
                        outs.add(state);
                    }
                    Var logits = g.addBias(g.matmulTransposed(g.concatRows(outs), p.get(2)), p.get(3));
                    return g.softmaxCrossEntropy(logits, targets, mask);
                });
    }
}
