package org.rnnlab.cells;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code rnn}: the Elman cell of {@code torch.nn.RNN}; option {@code activation=tanh|relu} (default tanh). */
final class RnnCellFactory implements CellFactory {

    @Override
    public String id() {
        return "rnn";
    }

    @Override
    public String description() {
        return "Elman RNN, h' = act(W_ih x + b_ih + W_hh h + b_hh); activation=tanh|relu";
    }

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("cell rnn", Activation.SETTING);
    }

    @Override
    public Cell create(CellSpec spec) {
        Activation activation = checkOptions(spec).get(Activation.SETTING);
        return new RnnCell(spec.inputSize(), spec.hiddenSize(), activation, false, 0);
    }
}
