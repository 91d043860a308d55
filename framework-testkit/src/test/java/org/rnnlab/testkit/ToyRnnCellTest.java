package org.rnnlab.testkit;

import org.rnnlab.api.cell.CellFactory;

/** A correct third-party style cell (hand-written step, no sequence kernel) passes the whole kit. */
class ToyRnnCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new ToyRnnCellFactory(1f);
    }
}
