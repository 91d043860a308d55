package org.rnnlab.cells;

import java.util.Map;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

class ReluRnnCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new RnnCellFactory();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("activation", "relu");
    }
}
