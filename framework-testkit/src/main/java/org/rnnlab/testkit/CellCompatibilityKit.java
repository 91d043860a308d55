package org.rnnlab.testkit;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
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
 * {@link #options()}). Each failure names its check, the cell (factory id and class), the parameter or
 * value, and the error against the stated tolerance (see {@link CellChecks}), e.g.
 * {@code [gradients] cell 'mgu' (org.example.mgu.MguCellFactory): weight_hh_l0 (composed path, case 1 of 3,
 * seed 20160521): relative error 5.0e-01 ... exceeds 1.0e-02}.
 *
 * <p><b>Settings.</b> The gradient check runs {@link KitSettings#cases()} random cases from
 * {@link KitSettings#seed()} with tolerance {@link KitSettings#tolerance()}: by default 3 cases from seed
 * 20160521 at 1e-2. Override {@link #settings()} to change them for one cell
 * ({@code return KitSettings.defaults().withCases(10);}), or set the system properties
 * {@code rnnlab.kit.cases}, {@code rnnlab.kit.seed} and {@code rnnlab.kit.tolerance} for a whole build.
 * The gradient check is safe at kinks: an entry of a relu cell whose step straddles 0 is judged by
 * one-sided differences ({@link GradientComparison}), so a correct relu cell passes with the defaults.
 *
 * <p>The checks are methods of this class itself, not of nested classes: test reports then list them
 * under the subclass's name, with correct totals when a project has several kit subclasses.
 */
public abstract class CellCompatibilityKit {

    /** The factory under test. */
    protected abstract CellFactory factory();

    /** Options the cells are made with; none by default. */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** The small case the checks use. */
    protected CellSpec spec() {
        return new CellSpec(3, 4, options());
    }

    /** Cases, seed and tolerance of the gradient check: the system properties, else the defaults ({@link KitSettings}). */
    protected KitSettings settings() {
        return KitSettings.fromSystemProperties();
    }

    /** Skips a fused-path check, as skipped rather than passed, when the cell has no fused kernel. */
    private void assumeFusedIfAsked(boolean fused) {
        Assumptions.assumeTrue(!fused || factory().create(spec()).fused().isPresent(),
                "cell '" + factory().id() + "' has no fused kernel");
    }

    @Test
    @DisplayName("layout: states, parameters and step shapes follow the contract")
    void stateLayout() {
        CellChecks.stateLayout(factory(), spec());
    }

    @Test
    @DisplayName("layout: initialize fills every parameter with finite values")
    void initialisation() {
        CellChecks.initialisation(factory(), spec(), 1L);
    }

    @Test
    @DisplayName("layout: an unknown option is refused with a ConfigException")
    void unknownOption() {
        CellChecks.unknownOptionRefused(factory(), spec());
    }

    @ParameterizedTest(name = "gradients against finite differences (every parameter, the input, every initial state), fused={0}")
    @ValueSource(booleans = {false, true})
    void gradients(boolean fused) {
        assumeFusedIfAsked(fused);
        CellChecks.gradients(factory(), spec(), fused, settings());
    }

    @ParameterizedTest(name = "fused kernel equals the composed step (outputs, states, gradients, step norms), padding={0}")
    @ValueSource(booleans = {false, true})
    void fusedMatchesComposed(boolean padding) {
        assumeFusedIfAsked(true);
        CellChecks.fusedMatchesComposed(factory(), spec(), padding);
    }

    @Test
    @DisplayName("determinism: same seed, same weights and results")
    void determinism() {
        CellChecks.determinism(factory(), spec());
    }

    @Test
    @DisplayName("save and load: safetensors round trip under PyTorch names")
    void saveLoadRoundTrip(@TempDir Path dir) {
        CellChecks.saveLoadRoundTrip(factory(), spec(), dir);
    }

    @ParameterizedTest(name = "masking: padded steps change nothing, fused={0}")
    @ValueSource(booleans = {false, true})
    void masking(boolean fused) {
        assumeFusedIfAsked(fused);
        CellChecks.masking(factory(), spec(), fused);
    }

    @ParameterizedTest(name = "stacking: two layers equal two one-layer stacks in a row, fused={0}")
    @ValueSource(booleans = {false, true})
    void stacking(boolean fused) {
        assumeFusedIfAsked(fused);
        CellChecks.stacking(factory(), spec(), fused);
    }

    @Test
    @DisplayName("bidirectional: PyTorch's parameter names (weight_ih_l0_reverse, ...), layer 1 reads both directions")
    void bidirectionalParameterLayout() {
        BidirectionalChecks.parameterLayout(factory(), spec());
    }

    @ParameterizedTest(name = "bidirectional: sequences of different lengths, forward over the batch, reverse from each "
            + "one's own last step, fused={0}")
    @ValueSource(booleans = {false, true})
    void bidirectionalMatchesOneDirectionRuns(boolean fused) {
        assumeFusedIfAsked(fused);
        BidirectionalChecks.matchesOneDirectionRuns(factory(), spec(), fused);
    }
}
