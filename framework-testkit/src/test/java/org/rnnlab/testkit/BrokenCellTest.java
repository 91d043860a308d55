package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.cell.CellStack;

/**
 * Cells with a wrong gradient fail the kit's gradient check, which names the cell, the parameter, the case
 * and the error; a correct relu cell with a kink inside the finite-difference step passes.
 */
class BrokenCellTest {
    private static final String TOY = "cell 'toy-rnn' (org.rnnlab.testkit.ToyRnnCellFactory): ";

    @Test
    void wrongRecurrentGradientIsCaughtAndNamed() {
        // the backward scales dL/dW_hh by 1.5: a relative error of 0.5 in that gradient only
        assertThatThrownBy(() -> CellChecks.gradients(new ToyRnnCellFactory(1.5f), new CellSpec(3, 4), false, KitSettings.defaults()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[gradients] " + TOY + "weight_hh_l0 (composed path, case 1 of 3, seed 20160521): "
                        + "relative error 5.0e-01")
                .hasMessageContaining("exceeds 1.0e-02");
    }

    @Test
    void slightlyWrongGradientIsCaughtToo() {
        assertThatThrownBy(() -> CellChecks.gradients(new ToyRnnCellFactory(1.05f), new CellSpec(3, 4), false, KitSettings.defaults()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(TOY + "weight_hh_l0").hasMessageContaining("relative error 5.0e-02");
    }

    @Test
    void theSameCellWithTheRightGradientPasses() {
        assertThatCode(() -> CellChecks.gradients(new ToyRnnCellFactory(1f), new CellSpec(3, 4), false, KitSettings.defaults()))
                .doesNotThrowAnyException();
    }

    @Test
    void aReluCellWhoseRecurrentWeightGetsNoGradientIsCaughtAndNamed() {
        assertThatThrownBy(() -> CellChecks.gradients(new IndRnnCellFactory(true), new CellSpec(3, 4), false, KitSettings.defaults()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[gradients] cell 'indrnn-detached' (org.rnnlab.testkit.IndRnnCellFactory): weight_hh_l0 (composed path")
                .hasMessageContaining("relative error 1.0e+00");
    }

    /**
     * The first default case of the IndRNN has a relu pre-activation within one step of 0: central
     * differences alone disagree with the (right) analytic gradient of weight_ih by more than the
     * tolerance, as the old kit reported; judged at the kink by one-sided differences, the case passes.
     */
    @Test
    void aKinkInsideTheStepDoesNotFailACorrectReluCell() {
        CellCase c = CellCase.random(CellStack.of(new IndRnnCellFactory(false), new CellSpec(3, 4), 1), 3, 2,
                KitSettings.DEFAULT_SEED, null);
        Tensor w = c.params().get("weight_ih_l0");
        Tensor analytic = c.run(false).paramGrads().get("weight_ih_l0");
        double[] central = new double[w.size()];
        double[] exact = new double[w.size()];
        for (int i = 0; i < w.size(); i++) {
            float saved = w.data()[i];
            float up = (float) (saved + CellChecks.FD_STEP);
            float down = (float) (saved - CellChecks.FD_STEP);
            w.data()[i] = up;
            double lossUp = c.loss(false);
            w.data()[i] = down;
            double lossDown = c.loss(false);
            w.data()[i] = saved;
            central[i] = (lossUp - lossDown) / ((double) up - down);
            exact[i] = analytic.data()[i];
        }
        assertThat(Discrepancy.normwise(exact, central, 1e-6)).as("central differences alone").isGreaterThan(CellChecks.FD_TOLERANCE);

        assertThatCode(() -> new GradientComparison(c, false, CellChecks.FD_TOLERANCE).check("weight_ih_l0", w, analytic))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherSeedAndMoreCasesAreHonoured() {
        assertThatThrownBy(() -> CellChecks.gradients(new ToyRnnCellFactory(1.5f), new CellSpec(3, 4), false,
                KitSettings.defaults().withSeed(7).withCases(5)))
                .hasMessageContaining("(composed path, case 1 of 5, seed 7)");
        // a tolerance of 0.6 lets the 0.5 error of the toy cell through: the setting is what decides
        assertThatCode(() -> CellChecks.gradients(new ToyRnnCellFactory(1.5f), new CellSpec(3, 4), false,
                KitSettings.defaults().withTolerance(0.6))).doesNotThrowAnyException();
    }
}
