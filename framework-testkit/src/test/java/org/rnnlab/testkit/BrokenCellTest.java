package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rnnlab.api.cell.CellSpec;

/** A cell whose backward gets one parameter's gradient wrong fails the kit, which names the parameter and the error. */
class BrokenCellTest {

    @Test
    void wrongRecurrentGradientIsCaughtAndNamed() {
        // the backward scales dL/dW_hh by 1.5: a relative error of 0.5 in that gradient only
        assertThatThrownBy(() -> CellChecks.gradients(new ToyRnnCellFactory(1.5f), new CellSpec(3, 4), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[gradients] weight_hh_l0 (composed path): relative error 5.0e-01")
                .hasMessageContaining("exceeds 1.0e-02");
    }

    @Test
    void slightlyWrongGradientIsCaughtToo() {
        assertThatThrownBy(() -> CellChecks.gradients(new ToyRnnCellFactory(1.05f), new CellSpec(3, 4), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("weight_hh_l0").hasMessageContaining("relative error 5.0e-02");
    }

    @Test
    void theSameCellWithTheRightGradientPasses() {
        assertThatCode(() -> CellChecks.gradients(new ToyRnnCellFactory(1f), new CellSpec(3, 4), false))
                .doesNotThrowAnyException();
    }
}
