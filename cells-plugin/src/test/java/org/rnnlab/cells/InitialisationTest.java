package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.cell.CellStack;
import org.rnnlab.testkit.CellChecks;

/** Initialisation and options of the built-in cells, as their documentation states them. */
class InitialisationTest {
    static final int H = 50;

    static Map<String, Tensor> initialised(CellFactory factory, Map<String, String> options, int layers) {
        CellStack stack = CellStack.of(factory, new CellSpec(30, H, options), layers);
        Map<String, Tensor> p = CellChecks.freshParameters(stack);
        stack.initialize(p, new SplittableRandom(3));
        return p;
    }

    @Test
    void everyParameterIsPyTorchUniform() {
        float bound = (float) (1 / Math.sqrt(H));
        for (CellFactory f : new CellFactory[] {new RnnCellFactory(), new GruCellFactory(), new DenseCellFactory()}) {
            initialised(f, Map.of(), 2).forEach((name, t) -> {
                float[] d = t.toArray();
                float max = 0;
                for (float v : d) {
                    max = Math.max(max, Math.abs(v));
                }
                assertThat(max).as(f.id() + " " + name).isLessThanOrEqualTo(bound);
                // a uniform sample of this size spans most of the interval
                assertThat(max).as(f.id() + " " + name).isGreaterThan(0.8f * bound);
            });
        }
    }

    @Test
    void lstmForgetGateBiasesSumToOneByDefault() {
        Map<String, Tensor> p = initialised(new LstmCellFactory(), Map.of(), 2);
        for (int layer = 0; layer < 2; layer++) {
            float[] bih = p.get("bias_ih_l" + layer).toArray();
            float[] bhh = p.get("bias_hh_l" + layer).toArray();
            for (int j = H; j < 2 * H; j++) {
                assertThat(bih[j] + bhh[j]).isEqualTo(1f);
            }
            assertThat(Math.abs(bih[0])).isLessThanOrEqualTo((float) (1 / Math.sqrt(H)));
        }
        float[] custom = initialised(new LstmCellFactory(), Map.of("forget_bias", "2.5"), 1).get("bias_ih_l0").toArray();
        assertThat(custom[H]).isEqualTo(2.5f);
        float[] uniform = initialised(new LstmCellFactory(), Map.of("forget_bias", "uniform"), 1).get("bias_ih_l0").toArray();
        assertThat(Math.abs(uniform[H])).isLessThanOrEqualTo((float) (1 / Math.sqrt(H)));
    }

    @Test
    void irnnStartsAsIdentityWithSmallInputWeights() {
        Map<String, Tensor> p = initialised(new IrnnCellFactory(), Map.of(), 1);
        Tensor whh = p.get("weight_hh_l0");
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < H; j++) {
                assertThat(whh.get(i, j)).isEqualTo(i == j ? 1f : 0f);
            }
        }
        assertThat(p.get("bias_ih_l0").toArray()).containsOnly(0f);
        assertThat(p.get("bias_hh_l0").toArray()).containsOnly(0f);
        double sq = 0;
        float[] wih = p.get("weight_ih_l0").toArray();
        for (float v : wih) {
            sq += v * v;
        }
        // sample standard deviation of 1500 normal draws: within 10% of 0.001
        assertThat(Math.sqrt(sq / wih.length)).isBetween(0.0009, 0.0011);
    }

    @Test
    void badOptionsAreAllNamedAtOnce() {
        assertThatThrownBy(() -> new RnnCellFactory().create(new CellSpec(2, 3, Map.of("activation", "gelu", "size", "4"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("2 problems:\n  - unknown setting 'cell.size': cell 'rnn' takes cell.activation"
                        + "\n  - setting 'cell.activation' must be tanh or relu but was 'gelu'");
        assertThatThrownBy(() -> new GruCellFactory().create(new CellSpec(2, 3, Map.of("reset_after", "maybe"))))
                .isInstanceOf(ConfigException.class).hasMessage("setting 'cell.reset_after' must be true or false but was 'maybe'");
        assertThatThrownBy(() -> new LstmCellFactory().create(new CellSpec(2, 3, Map.of("forget_bias", "big"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'cell.forget_bias' must be a finite number or uniform but was 'big'");
    }

    @Test
    void optionsWrittenUnderTheirFormerNamesStillApply() {
        // model files and runs written before the settings schema name them so
        float[] former = initialised(new LstmCellFactory(), Map.of("forgetBias", "2.5"), 1).get("bias_ih_l0").toArray();
        float[] current = initialised(new LstmCellFactory(), Map.of("forget_bias", "2.5"), 1).get("bias_ih_l0").toArray();
        float[] byDefault = initialised(new LstmCellFactory(), Map.of(), 1).get("bias_ih_l0").toArray();
        assertThat(former).containsExactly(current).isNotEqualTo(byDefault);
        assertThat(new GruCellFactory().create(new CellSpec(2, 3, Map.of("resetAfter", "false"))))
                .isInstanceOf(GruCell.class);
    }

    @Test
    void denseHasOnlyInputWeightsAndGruKeepsPyTorchShapes() {
        assertThat(CellStack.of(new DenseCellFactory(), new CellSpec(7, 5), 1).parameters().toString())
                .isEqualTo("[weight_ih_l0[5, 7], bias_ih_l0[5]]");
        assertThat(CellStack.of(new GruCellFactory(), new CellSpec(7, 5), 2).parameters().toString())
                .isEqualTo("[weight_ih_l0[15, 7], weight_hh_l0[15, 5], bias_ih_l0[15], bias_hh_l0[15], "
                        + "weight_ih_l1[15, 5], weight_hh_l1[15, 5], bias_ih_l1[15], bias_hh_l1[15]]");
    }
}
