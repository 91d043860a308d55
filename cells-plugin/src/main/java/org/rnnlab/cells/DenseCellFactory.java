package org.rnnlab.cells;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.experiment.SettingsSchema;

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
    public SettingsSchema settings() {
        return SettingsSchema.of("cell dense", Activation.SETTING);
    }

    @Override
    public Cell create(CellSpec spec) {
        Activation activation = checkOptions(spec).get(Activation.SETTING);
        return new DenseCell(spec.inputSize(), spec.hiddenSize(), activation);
    }
}
