package org.rnnlab.cells;

import java.util.Map;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

/** The reset-before GRU of Cho et al. and the course slides. */
class GruResetBeforeCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new GruCellFactory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("reset_after", "false");
    }
}
