package org.rnnlab.cells;

import io.vavr.control.Either;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingType;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code lstm}: {@code torch.nn.LSTM}'s cell. Option {@code forget_bias} (default 1): the initial
 * {@code b_ih_f + b_hh_f}; {@code forget_bias=uniform} keeps PyTorch's plain uniform biases.
 */
final class LstmCellFactory implements CellFactory {
    static final double DEFAULT_FORGET_BIAS = 1.0;

    @Override
    public String id() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM, gates i,f,g,o as torch.nn.LSTM; forget_bias=1 (a number, or uniform)";
    }

    /** A number, or {@code uniform} (read as NaN: no bias is set, PyTorch's uniform initialisation stays). */
    static final SettingKey<Double> FORGET_BIAS = SettingKey.of("forget_bias",
            SettingType.of("number or uniform", v -> v.equals("uniform") ? Either.right(Double.NaN)
                    : SettingType.REAL.parse(v).mapLeft(m -> "be a finite number or uniform"),
                    d -> d.isNaN() ? "uniform" : SettingType.REAL.format(d)),
            "the initial b_ih_f + b_hh_f of the forget gate; uniform keeps PyTorch's uniform biases")
            .defaultsTo(DEFAULT_FORGET_BIAS).formerly("forgetBias");

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("cell lstm", FORGET_BIAS);
    }

    @Override
    public Cell create(CellSpec spec) {
        double forgetBias = checkOptions(spec).get(FORGET_BIAS);
        return new LstmCell(spec.inputSize(), spec.hiddenSize(), forgetBias);
    }
}
