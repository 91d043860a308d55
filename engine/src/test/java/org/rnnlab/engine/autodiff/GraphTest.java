package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;

/** Fused ops, gradient hooks, accumulation into parameters, and shape errors. */
class GraphTest {
    private final Kernels k = new ScalarKernels();
    private final SplittableRandom r = new SplittableRandom(1);

    /** {@code y = tanh(x W^T + b)} and a second output {@code 2 * x}, with a hand-written backward. */
    static final class DenseTanh implements FusedOp {
        int backwardCalls;
        Tensor[] lastGradOutputs;

        @Override
        public String name() {
            return "dense-tanh";
        }

        @Override
        public int[][] outputShapes(Tensor[] in) {
            return new int[][] {{in[0].dim(0), in[1].dim(0)}, in[0].shape()};
        }

        @Override
        public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
            Kernels k = new ScalarKernels();
            int m = in[0].dim(0);
            int kk = in[0].dim(1);
            int n = in[1].dim(0);
            k.gemmNT(m, n, kk, in[0].data(), in[0].offset(), kk, in[1].data(), in[1].offset(), kk,
                    out[0].data(), out[0].offset(), n, false);
            k.addBias(m, n, in[2].data(), in[2].offset(), out[0].data(), out[0].offset());
            k.tanh(m * n, out[0].data(), out[0].offset(), out[0].data(), out[0].offset());
            out[1].copyFrom(in[0]);
            k.scale(out[1].size(), 2f, out[1].data(), out[1].offset());
        }

        @Override
        public void backward(Tensor[] in, Tensor[] out, Tensor[] gOut, Tensor[] gIn, Workspace ws) {
            backwardCalls++;
            lastGradOutputs = new Tensor[] {gOut[0].copy(), gOut[1].copy()};
            Kernels k = new ScalarKernels();
            int m = in[0].dim(0);
            int kk = in[0].dim(1);
            int n = in[1].dim(0);
            Tensor dz = ws.take(m, n);
            k.tanhBackward(m * n, out[0].data(), out[0].offset(), gOut[0].data(), gOut[0].offset(),
                    dz.data(), dz.offset(), false);
            if (gIn[0] != null) {
                k.gemmNN(m, kk, n, dz.data(), 0, n, in[1].data(), in[1].offset(), kk, gIn[0].data(), gIn[0].offset(), kk, true);
                k.axpy(m * kk, 2f, gOut[1].data(), gOut[1].offset(), gIn[0].data(), gIn[0].offset());
            }
            if (gIn[1] != null) {
                k.gemmTN(n, kk, m, dz.data(), 0, n, in[0].data(), in[0].offset(), kk, gIn[1].data(), gIn[1].offset(), kk, true);
            }
            if (gIn[2] != null) {
                k.sumRows(m, n, dz.data(), 0, gIn[2].data(), gIn[2].offset());
            }
        }
    }

    @Test
    void fusedOpGradientsMatchFiniteDifferences() {
        Tensor w = GradientCheck.random(r, 4, 3);
        GradientCheck.check(k, List.of(GradientCheck.random(r, 5, 3), GradientCheck.random(r, 4)), (g, p) -> {
            List<Var> out = g.fused(new DenseTanh(), List.of(p.get(0), g.constant(w), p.get(1)));
            Var y = g.tanh(out.get(0));
            return g.add(g.dot(y, GradientCheck.random(new SplittableRandom(5), 5, 4)),
                    g.dot(out.get(1), GradientCheck.random(new SplittableRandom(6), 5, 3)));
        });
    }

    @Test
    void fusedOpEqualsComposedOpsAndGetsZerosForAnUnusedOutput() {
        Tensor x = GradientCheck.random(r, 5, 3);
        Tensor w = GradientCheck.random(r, 4, 3);
        Tensor b = GradientCheck.random(r, 4);
        Tensor probe = GradientCheck.random(r, 5, 4);
        Tensor[] fusedGrads = {Tensor.zeros(5, 3), Tensor.zeros(4, 3), Tensor.zeros(4)};
        Tensor[] composedGrads = {Tensor.zeros(5, 3), Tensor.zeros(4, 3), Tensor.zeros(4)};

        DenseTanh op = new DenseTanh();
        Graph g = new Graph(new Workspace(), k);
        List<Var> out = g.fused(op, List.of(g.parameter(x, fusedGrads[0]), g.parameter(w, fusedGrads[1]),
                g.parameter(b, fusedGrads[2])));
        g.backward(g.dot(out.get(0), probe));

        Graph c = new Graph(new Workspace(), k);
        Var y = c.tanh(c.addBias(c.matmulTransposed(c.parameter(x, composedGrads[0]),
                c.parameter(w, composedGrads[1])), c.parameter(b, composedGrads[2])));
        c.backward(c.dot(y, probe));

        assertThat(out.get(0).value().toArray()).containsExactly(y.value().toArray(), within(1e-6f));
        for (int i = 0; i < 3; i++) {
            assertThat(fusedGrads[i].toArray()).containsExactly(composedGrads[i].toArray(), within(1e-5f));
        }
        assertThat(op.backwardCalls).isEqualTo(1);
        assertThat(op.lastGradOutputs[1].toArray()).containsOnly(0f);
    }

    @Test
    void hookSeesTheCompleteGradientOfAValueUsedTwice() {
        Graph g = new Graph(new Workspace(), k);
        Tensor xv = GradientCheck.random(r, 2, 3);
        Var x = g.parameter(xv, Tensor.zeros(2, 3));
        Var h = g.scale(x, 3f);
        List<float[]> seen = new ArrayList<>();
        g.watchGradient(h, grad -> seen.add(grad.toArray()));
        Tensor w1 = GradientCheck.random(r, 2, 3);
        Tensor w2 = GradientCheck.random(r, 2, 3);
        g.backward(g.add(g.dot(h, w1), g.dot(g.tanh(h), w2)));

        assertThat(seen).hasSize(1);
        for (int i = 0; i < 6; i++) {
            double t = Math.tanh(h.value().data()[i]);
            double expected = w1.data()[i] + w2.data()[i] * (1 - t * t);
            assertThat((double) seen.get(0)[i]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void hookOnAValueTheLossDoesNotReachSeesZeros() {
        Graph g = new Graph(new Workspace(), k);
        Var x = g.parameter(Tensor.zeros(2, 2).fill(1f), Tensor.zeros(2, 2));
        Var unused = g.tanh(x);
        List<float[]> seen = new ArrayList<>();
        g.watchGradient(unused, grad -> seen.add(grad.toArray()));
        g.backward(g.dot(x, Tensor.zeros(2, 2).fill(1f)));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsOnly(0f);
    }

    @Test
    void parameterGradientsAccumulateAcrossSteps() {
        Workspace ws = new Workspace();
        Graph g = new Graph(ws, k);
        Tensor w = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor grad = Tensor.zeros(3);
        Tensor probe = Tensor.of(new float[] {4, 5, 6}, 3);
        for (int step = 1; step <= 2; step++) {
            g.backward(g.dot(g.parameter(w, grad), probe));
            g.reset();
            assertThat(grad.toArray()).containsExactly(4f * step, 5f * step, 6f * step);
        }
    }

    @Test
    void backwardTwiceWithoutResetIsRefused() {
        Graph g = new Graph(new Workspace(), k);
        Var loss = g.dot(g.parameter(Tensor.zeros(1), Tensor.zeros(1)), Tensor.zeros(1));
        g.backward(loss);
        assertThatThrownBy(() -> g.backward(loss)).isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
    }

    @Test
    void shapeErrorsNameTheShapes() {
        Graph g = new Graph(new Workspace(), k);
        Var a = g.constant(Tensor.zeros(2, 3));
        Var b = g.constant(Tensor.zeros(4, 5));
        assertThatThrownBy(() -> g.matmul(a, b)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
        assertThatThrownBy(() -> g.add(a, b)).isInstanceOf(ShapeException.class).hasMessageContaining("[4, 5]");
        assertThatThrownBy(() -> g.embedding(b, new int[] {4})).hasMessageContaining("id 4");
        assertThatThrownBy(() -> g.softmaxCrossEntropy(a, new int[] {0, 3}, null)).hasMessageContaining("target 3");
        Graph other = new Graph(new Workspace(), k);
        assertThatThrownBy(() -> other.tanh(a)).hasMessageContaining("not recorded on this graph");
    }

    @Test
    void sliceRowsIsAViewAndValuesAreRight() {
        Graph g = new Graph(new Workspace(), k);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Var rows = g.sliceRows(g.constant(x), 1, 3);
        assertThat(rows.value().data()).isSameAs(x.data());
        assertThat(rows.value().toArray()).containsExactly(3, 4, 5, 6);
        Var cols = g.sliceColumns(g.constant(x), 1, 2);
        assertThat(cols.value().toArray()).containsExactly(2, 4, 6);
        Var cat = g.concatColumns(List.of(cols, cols));
        assertThat(cat.value().toArray()).containsExactly(2, 2, 4, 4, 6, 6);
    }
}
