package org.rnnlab.cells;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code irnn}: the relu Elman cell initialised as Le, Jaitly and Hinton (2015) propose: {@code W_hh}
 * the identity, biases zero, {@code W_ih} from {@code N(0, input_std^2)} with {@code input_std = 0.001}
 * (their setting) unless the option says otherwise. At the start the state is carried unchanged, so
 * neither the state nor its gradient fades with time.
 */
final class IrnnCellFactory implements CellFactory {
    static final double DEFAULT_INPUT_STD = 0.001;

    @Override
    public String id() {
        return "irnn";
    }

    @Override
    public String description() {
        return "relu RNN with identity recurrent weights and zero biases (Le et al. 2015); input_std=0.001";
    }

    static final SettingKey<Double> INPUT_STD = SettingKey.real("input_std",
            "standard deviation of the normal W_ih is drawn from").defaultsTo(DEFAULT_INPUT_STD)
            .checked(SettingCheck.nonNegative()).formerly("inputStd");

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("cell irnn", INPUT_STD);
    }

    @Override
    public Cell create(CellSpec spec) {
        double std = checkOptions(spec).get(INPUT_STD);
        return new RnnCell(spec.inputSize(), spec.hiddenSize(), Activation.RELU, true, std);
    }
}
