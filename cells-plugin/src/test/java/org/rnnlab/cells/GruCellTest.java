package org.rnnlab.cells;

import java.util.Map;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

/** The default GRU (reset after, as torch.nn.GRU). */
class GruCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new GruCellFactory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("reset_after", "true");
    }
}
