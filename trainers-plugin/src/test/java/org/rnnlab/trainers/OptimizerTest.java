package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/**
 * The other optimisers against PyTorch's update formulas worked by hand for one parameter element
 * (p = 1, g = 0.5, then g = -0.25, lr = 0.1). Tolerance 1e-6 absolute: the values are O(1) and only
 * rounded to float32 once per step.
 */
class OptimizerTest {
    private static final double TOLERANCE = 1e-6;

    @Test
    void sgdSubtractsTheScaledGradient() {
        assertThat(twoSteps("sgd", Map.of())).containsExactly(new double[] {0.95, 0.975}, within(TOLERANCE));
    }

    @Test
    void momentumStartsItsBufferWithTheFirstGradient() {
        // buf1 = 0.5, p = 0.95; buf2 = 0.9 * 0.5 - 0.25 = 0.2, p = 0.93
        assertThat(twoSteps("momentum", Map.of())).containsExactly(new double[] {0.95, 0.93}, within(TOLERANCE));
    }

    @Test
    void nesterovLooksAhead() {
        // buf1 = 0.5, step 0.5 + 0.9 * 0.5 = 0.95 -> p = 0.905; buf2 = 0.2, step -0.25 + 0.18 = -0.07 -> p = 0.912
        assertThat(twoSteps("nesterov", Map.of())).containsExactly(new double[] {0.905, 0.912}, within(TOLERANCE));
    }

    @Test
    void adagradDividesByTheRootOfTheSummedSquares() {
        double p1 = 1 - 0.1 * 0.5 / (Math.sqrt(0.25) + 1e-10);
        double p2 = p1 + 0.1 * 0.25 / (Math.sqrt(0.25 + 0.0625) + 1e-10);
        assertThat(twoSteps("adagrad", Map.of())).containsExactly(new double[] {p1, p2}, within(TOLERANCE));
    }

    @Test
    void rmspropKeepsARunningMeanOfSquares() {
        double v1 = 0.01 * 0.25;
        double p1 = 1 - 0.1 * 0.5 / (Math.sqrt(v1) + 1e-8);
        double v2 = 0.99 * v1 + 0.01 * 0.0625;
        double p2 = p1 + 0.1 * 0.25 / (Math.sqrt(v2) + 1e-8);
        assertThat(twoSteps("rmsprop", Map.of())).containsExactly(new double[] {p1, p2}, within(TOLERANCE));
    }

    @Test
    void adamwDecaysTheWeightBeforeTheAdamStep() {
        // First Adam step moves by lr * sign(g) (up to eps); AdamW first multiplies p by 1 - lr * 0.01.
        double p1 = 1 * (1 - 0.1 * 0.01) - 0.1 * 0.5 / (0.5 + 1e-8);
        assertThat(twoSteps("adamw", Map.of())[0]).isCloseTo(p1, within(TOLERANCE));
    }

    @Test
    void everyOptimizerRoundTripsItsState() {
        for (OptimizerComponent c : OptimizerComponent.builtIn()) {
            Optimizer a = c.create(Settings.of(Map.of()));
            Parameter pa = param(1f, 0.5f);
            a.step(List.of(pa), 0.1);
            Optimizer b = c.create(Settings.of(Map.of()));
            b.restore(a.state());
            Parameter pb = param(pa.value().item(), -0.25f);
            pa.grad().fill(-0.25f);
            a.step(List.of(pa), 0.1);
            b.step(List.of(pb), 0.1);
            assertThat(pb.value().item()).as(c.id()).isEqualTo(pa.value().item());
        }
    }

    @Test
    void unknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> PyTorchReferenceTest.component("adam").create(Settings.of(Map.of("beta3", "1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting 'optimizer.beta3': optimizer 'adam' takes optimizer.amsgrad,"
                        + " optimizer.beta1, optimizer.beta2, optimizer.eps, optimizer.weight_decay");
    }

    @Test
    void badValuesAreAllNamedAtOnceWithPyTorchsRules() {
        assertThatThrownBy(() -> PyTorchReferenceTest.component("adam").create(Settings.of(Map.of("beta1", "1",
                "eps", "-1e-8", "amsgrad", "maybe"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("3 problems:\n  - setting 'optimizer.beta1' must be a fraction in [0, 1) but was '1'"
                        + "\n  - setting 'optimizer.eps' must not be negative but was '-1e-8'"
                        + "\n  - setting 'optimizer.amsgrad' must be true or false but was 'maybe'");
        assertThatThrownBy(() -> PyTorchReferenceTest.component("nesterov").create(Settings.of(Map.of("momentum", "0"))))
                .hasMessage("setting 'optimizer.momentum' must be positive but was '0'");
    }

    @Test
    void defaultsAreTheSchemasAndPyTorchs() {
        var adamw = PyTorchReferenceTest.component("adamw").settings();
        assertThat(adamw.key("weight_decay").get().shownDefault()).isEqualTo("0.01");
        assertThat(PyTorchReferenceTest.component("adam").settings().key("weight_decay").get().shownDefault()).isEqualTo("0");
        assertThat(PyTorchReferenceTest.component("momentum").settings().key("momentum").get().shownDefault()).isEqualTo("0.9");
        assertThat(PyTorchReferenceTest.component("adagrad").settings().key("eps").get().shownDefault()).isEqualTo("1e-10");
    }

    private static double[] twoSteps(String id, Map<String, String> options) {
        Optimizer o = PyTorchReferenceTest.component(id).create(Settings.of(options));
        Parameter p = param(1f, 0.5f);
        o.step(List.of(p), 0.1);
        double first = p.value().item();
        p.grad().fill(-0.25f);
        o.step(List.of(p), 0.1);
        return new double[] {first, p.value().item()};
    }

    private static Parameter param(float value, float grad) {
        return new Parameter("w", Tensor.of(new float[] {value}, 1), Tensor.of(new float[] {grad}, 1));
    }
}
