package org.example.mgu;

import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

/** The whole rnnlab cell contract, checked for the MGU by extending the kit. */
class MguCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new MguCellFactory();
    }
}
