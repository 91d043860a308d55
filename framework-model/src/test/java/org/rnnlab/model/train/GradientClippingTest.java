package org.rnnlab.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/** Clipping by value and the non-finite cases; the global-norm formula is checked against PyTorch in the trainers plugin. */
class GradientClippingTest {

    @Test
    void clipValueLimitsEveryElement() {
        Parameter p = new Parameter("w", Tensor.zeros(4), Tensor.of(new float[] {-3f, -0.5f, 0.25f, 7f}, 4));
        GradientClipping.clipValue(List.of(p), 1.0);
        assertThat(p.grad().toArray()).containsExactly(-1f, -0.5f, 0.25f, 1f);
    }

    @Test
    void nonFiniteNormIsReturnedAndGradientsLeftAlone() {
        Parameter p = new Parameter("w", Tensor.zeros(2), Tensor.of(new float[] {Float.NaN, 2f}, 2));
        assertThat(GradientClipping.clipGlobalNorm(List.of(p), 1.0)).isNaN();
        assertThat(p.grad().toArray()[1]).isEqualTo(2f);
    }

    @Test
    void zeroMaxNormOnlyMeasures() {
        Parameter p = new Parameter("w", Tensor.zeros(2), Tensor.of(new float[] {3f, 4f}, 2));
        assertThat(GradientClipping.clipGlobalNorm(List.of(p), 0)).isEqualTo(5.0);
        assertThat(p.grad().toArray()).containsExactly(3f, 4f);
    }
}
