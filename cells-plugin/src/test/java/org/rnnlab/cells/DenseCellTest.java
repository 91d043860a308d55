package org.rnnlab.cells;

import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

class DenseCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new DenseCellFactory();
    }
}
