package org.rnnlab.cells;

import java.util.Set;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

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
    public Cell create(CellSpec spec) {
        CellOptions options = new CellOptions(id(), spec, Set.of("activation"));
        Activation activation = options.activation(Activation.TANH);
        options.check();
        return new RnnCell(spec.inputSize(), spec.hiddenSize(), activation, false, 0);
    }
}
