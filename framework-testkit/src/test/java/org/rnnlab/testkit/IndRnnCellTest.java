package org.rnnlab.testkit;

import org.rnnlab.api.cell.CellFactory;

/** The IndRNN-style cell (relu, a per-unit recurrent vector) passes the whole kit with its default settings. */
class IndRnnCellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new IndRnnCellFactory(false);
    }
}
