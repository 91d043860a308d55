package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * {@link Graph#mulRowVector}: the forward values against a plain loop (exact: one float32 product per
 * element, the same rounding), the scalar and vector kernel sets bit for bit, and both gradients against
 * finite differences ({@link GradientCheck}) with a width (37) that leaves a vector tail.
 */
class RowVectorProductTest {

    static Stream<Kernels> kernels() {
        return Stream.of(new ScalarKernels(), new VectorKernels());
    }

    private final SplittableRandom r = new SplittableRandom(19);

    @ParameterizedTest
    @MethodSource("kernels")
    void everyRowTimesTheVector(Kernels k) {
        Tensor x = random(r, 5, 37);
        Tensor v = random(r, 37);
        Graph g = new Graph(new Workspace(), k);
        Tensor out = g.mulRowVector(g.constant(x), g.constant(v)).value();
        for (int row = 0; row < 5; row++) {
            for (int j = 0; j < 37; j++) {
                assertThat(out.get(row, j)).isEqualTo(x.get(row, j) * v.get(j));
            }
        }
    }

    @Test
    void scalarAndVectorKernelsAgreeBitForBit() {
        Tensor x = random(r, 6, 37);
        Tensor v = random(r, 37);
        Tensor probe = random(r, 6, 37);
        float[][] results = new float[2][];
        int i = 0;
        for (Kernels k : List.of(new ScalarKernels(), new VectorKernels())) {
            Tensor dx = Tensor.zeros(6, 37);
            Tensor dv = Tensor.zeros(37);
            Graph g = new Graph(new Workspace(), k);
            Var out = g.mulRowVector(g.parameter(x, dx), g.parameter(v, dv));
            g.backward(g.dot(out, probe));
            float[] all = new float[out.value().size() + dx.size() + dv.size()];
            System.arraycopy(out.value().toArray(), 0, all, 0, out.value().size());
            System.arraycopy(dx.toArray(), 0, all, out.value().size(), dx.size());
            System.arraycopy(dv.toArray(), 0, all, out.value().size() + dx.size(), dv.size());
            results[i++] = all;
        }
        assertThat(results[1]).containsExactly(results[0]);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gradientsOfTheMatrixAndTheVector(Kernels k) {
        check(k, List.of(random(r, 4, 37), random(r, 37)),
                (g, p) -> g.dot(g.mulRowVector(p.get(0), p.get(1)), random(new SplittableRandom(7), 4, 37)));
        // the vector used twice, as an IndRNN's u reaches every step: both contributions are summed
        check(k, List.of(random(r, 3, 5), random(r, 5)), (g, p) -> {
            Var once = g.mulRowVector(p.get(0), p.get(1));
            return g.dot(g.mulRowVector(g.tanh(once), p.get(1)), random(new SplittableRandom(3), 3, 5));
        });
    }

    @Test
    void aVectorOfTheWrongLengthOrRankIsRefused() {
        Graph g = new Graph(new Workspace());
        Var x = g.constant(Tensor.zeros(2, 3));
        assertThatThrownBy(() -> g.mulRowVector(x, g.constant(Tensor.zeros(4))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("mulRowVector").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> g.mulRowVector(x, g.constant(Tensor.zeros(1, 3))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("rank 1");
    }
}
