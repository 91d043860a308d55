package org.rnnlab.testkit;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/**
 * The compatibility kit for cells: a cell plugin's test extends this class, says which factory to test,
 * and inherits every check of the {@link org.rnnlab.api.cell.Cell} contract:
 * <pre>{@code
 * class MyCellTest extends CellCompatibilityKit {
 *     protected CellFactory factory() { return new MyCellFactory(); }
 * }
 * }</pre>
 * The checks run on a small case ({@link #spec()}: 3 inputs, 4 hidden units, options from
 * {@link #options()}); each failure names its check, the parameter or value, and the error against the
 * stated tolerance (see {@link CellChecks}).
 */
public abstract class CellCompatibilityKit {

    /** The factory under test. */
    protected abstract CellFactory factory();

    /** Options the cells are made with; none by default. */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** Skips a fused-path check, as skipped rather than passed, when the cell has no fused kernel. */
    private void assumeFusedIfAsked(boolean fused) {
        Assumptions.assumeTrue(!fused || factory().create(spec()).fused().isPresent(),
                "cell '" + factory().id() + "' has no fused kernel");
    }

    /** The small case the checks use. */
    protected CellSpec spec() {
        return new CellSpec(3, 4, options());
    }

    @Nested
    @DisplayName("state layout and parameters")
    class Layout {
        @Test
        @DisplayName("states, parameters and step shapes follow the contract")
        void stateLayout() {
            CellChecks.stateLayout(factory(), spec());
        }

        @Test
        @DisplayName("initialize fills every parameter with finite values")
        void initialisation() {
            CellChecks.initialisation(factory(), spec(), 1L);
        }

        @Test
        @DisplayName("an unknown option is refused with a ConfigException")
        void unknownOption() {
            CellChecks.unknownOptionRefused(factory(), spec());
        }
    }

    @Nested
    @DisplayName("gradients against finite differences")
    class Gradients {
        @ParameterizedTest(name = "fused={0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("every parameter, the input and every initial state")
        void gradients(boolean fused) {
            assumeFusedIfAsked(fused);
            CellChecks.gradients(factory(), spec(), fused);
        }
    }

    @Nested
    @DisplayName("fused kernel equals the composed step")
    class Fused {
        @ParameterizedTest(name = "padding={0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("outputs, final states, all gradients and step gradient norms")
        void fusedMatchesComposed(boolean padding) {
            assumeFusedIfAsked(true);
            CellChecks.fusedMatchesComposed(factory(), spec(), padding);
        }
    }

    @Nested
    @DisplayName("determinism")
    class Determinism {
        @Test
        @DisplayName("same seed, same weights and results")
        void determinism() {
            CellChecks.determinism(factory(), spec());
        }
    }

    @Nested
    @DisplayName("save and load")
    class SaveLoad {
        @TempDir
        Path dir;

        @Test
        @DisplayName("safetensors round trip under PyTorch names")
        void roundTrip() {
            CellChecks.saveLoadRoundTrip(factory(), spec(), dir);
        }
    }

    @Nested
    @DisplayName("masking")
    class Masking {
        @ParameterizedTest(name = "fused={0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("padded steps change nothing")
        void masking(boolean fused) {
            assumeFusedIfAsked(fused);
            CellChecks.masking(factory(), spec(), fused);
        }
    }

    @Nested
    @DisplayName("stacking")
    class Stacking {
        @ParameterizedTest(name = "fused={0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("two layers equal two one-layer stacks in a row")
        void stacking(boolean fused) {
            assumeFusedIfAsked(fused);
            CellChecks.stacking(factory(), spec(), fused);
        }
    }

    @Nested
    @DisplayName("bidirectional")
    class Bidirectional {
        @Test
        @DisplayName("PyTorch's parameter names (weight_ih_l0_reverse, ...), layer 1 reads both directions")
        void parameterLayout() {
            BidirectionalChecks.parameterLayout(factory(), spec());
        }

        @ParameterizedTest(name = "fused={0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("sequences of different lengths: forward over the batch, reverse from each one's own last step")
        void matchesOneDirectionRuns(boolean fused) {
            assumeFusedIfAsked(fused);
            BidirectionalChecks.matchesOneDirectionRuns(factory(), spec(), fused);
        }
    }
}
