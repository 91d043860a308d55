package org.rnnlab.cells;

import java.util.Set;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/**
 * {@code lstm}: {@code torch.nn.LSTM}'s cell. Option {@code forgetBias} (default 1): the initial
 * {@code b_ih_f + b_hh_f}; {@code forgetBias=uniform} keeps PyTorch's plain uniform biases.
 */
final class LstmCellFactory implements CellFactory {
    static final double DEFAULT_FORGET_BIAS = 1.0;

    @Override
    public String id() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM, gates i,f,g,o as torch.nn.LSTM; forgetBias=1 (a number, or uniform)";
    }

    @Override
    public Cell create(CellSpec spec) {
        CellOptions options = new CellOptions(id(), spec, Set.of("forgetBias"));
        double forgetBias = "uniform".equals(options.raw("forgetBias")) ? Double.NaN
                : options.number("forgetBias", DEFAULT_FORGET_BIAS);
        options.check();
        return new LstmCell(spec.inputSize(), spec.hiddenSize(), forgetBias);
    }
}
