package org.rnnlab.cells;

import java.util.Set;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/** {@code dense}: no recurrence, {@code h' = act(W_ih x + b_ih)}; option {@code activation=tanh|relu} (default tanh). */
final class DenseCellFactory implements CellFactory {

    @Override
    public String id() {
        return "dense";
    }

    @Override
    public String description() {
        return "feed-forward layer without recurrence (fixed-window / bag-of-words baseline); activation=tanh|relu";
    }

    @Override
    public Cell create(CellSpec spec) {
        CellOptions options = new CellOptions(id(), spec, Set.of("activation"));
        Activation activation = options.activation(Activation.TANH);
        options.check();
        return new DenseCell(spec.inputSize(), spec.hiddenSize(), activation);
    }
}
