package org.rnnlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.runtime.PluginRegistry;

/** The benchmark's workload trains: same batch every step, so the loss must go down. */
class CharModelBenchmarkTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load(Optional.empty());

    private static CharModelBenchmark tiny(String cell, boolean fused, int steps) {
        BenchSettings s = new BenchSettings(cell, 8, 2, 4, 7, 5, steps, 0, 0, 1, fused, 42);
        return new CharModelBenchmark(REGISTRY.get(ComponentKind.CELL, cell),
                REGISTRY.get(ComponentKind.OPTIMIZER, "adam"), s);
    }

    @Test
    void theLossGoesDownOnTheFixedBatchForEveryBuiltInRecurrentCell() {
        for (String cell : new String[] {"rnn", "lstm", "gru"}) {
            double[] losses = tiny(cell, true, 40).run().losses();

            assertThat(losses).hasSize(40);
            // Adam at 1e-3 moves every weight against its gradient; on one fixed batch 40 such steps
            // must lower the loss step after step, and clearly overall
            for (int i = 1; i < losses.length; i++) {
                assertThat(losses[i]).as("%s step %d", cell, i).isLessThan(losses[i - 1]);
            }
            assertThat(losses[39]).as(cell).isLessThan(losses[0] - 0.01);
        }
    }

    @Test
    void theFusedAndComposedPathsTrainAlike() {
        double[] fused = tiny("lstm", true, 5).run().losses();
        double[] composed = tiny("lstm", false, 5).run().losses();

        // same weights and data; the two paths differ only in float rounding (sums in another order)
        for (int i = 0; i < fused.length; i++) {
            assertThat(composed[i]).isCloseTo(fused[i], org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void theWarmUpGoesOnAfterItsStepsUntilTheJitIsIdleOrTheLimit() {
        BenchSettings s = new BenchSettings("rnn", 8, 2, 4, 7, 5, 3, 2, 0.5, 1, true, 42);
        BenchResult r = new CharModelBenchmark(REGISTRY.get(ComponentKind.CELL, "rnn"),
                REGISTRY.get(ComponentKind.OPTIMIZER, "adam"), s).run();

        // the 2 warm-up steps, then at least one more while waiting for the JIT (at most 0.5 s)
        assertThat(r.warmupSteps()).isGreaterThan(2);
        assertThat(r.losses()).hasSize(r.warmupSteps() + 3);
    }

    @Test
    void flopsPerTokenIsThePeersFormula() {
        // 2 * 3 * (gates*H*(E+H) + H*V) with H=8, E=5, V=7
        assertThat(tiny("rnn", true, 1).flopsPerToken()).isEqualTo(6L * (8 * 13 + 56));
        assertThat(tiny("lstm", true, 1).flopsPerToken()).isEqualTo(6L * (4 * 8 * 13 + 56));
        assertThat(tiny("gru", true, 1).flopsPerToken()).isEqualTo(6L * (3 * 8 * 13 + 56));
    }

    @Test
    void theBidirectionalWorkloadTrainsAndCountsBothDirections() {
        BenchSettings s = new BenchSettings("lstm", 8, 2, 4, 7, 5, 20, 0, 0, 1, true, 42, true);
        CharModelBenchmark bench = new CharModelBenchmark(REGISTRY.get(ComponentKind.CELL, "lstm"),
                REGISTRY.get(ComponentKind.OPTIMIZER, "adam"), s);
        // the peer's 2 * 3 * (D*gates*H*(E+H) + D*H*V) with D=2
        assertThat(bench.flopsPerToken()).isEqualTo(6L * (2 * 4 * 8 * 13 + 2 * 56));
        assertThat(bench.model().namedValues()).containsKey("weight_hh_l0_reverse");
        double[] losses = bench.run().losses();
        assertThat(losses[19]).isLessThan(losses[0] - 0.01);
        assertThat(BenchCommand.asJson(bench.run())).containsEntry("bidirectional", true);
    }
}
