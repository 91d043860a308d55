package org.rnnlab.cells;

import java.util.Set;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/**
 * {@code irnn}: the relu Elman cell initialised as Le, Jaitly and Hinton (2015) propose: {@code W_hh}
 * the identity, biases zero, {@code W_ih} from {@code N(0, inputStd^2)} with {@code inputStd = 0.001}
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
        return "relu RNN with identity recurrent weights and zero biases (Le et al. 2015); inputStd=0.001";
    }

    @Override
    public Cell create(CellSpec spec) {
        CellOptions options = new CellOptions(id(), spec, Set.of("inputStd"));
        double std = options.number("inputStd", DEFAULT_INPUT_STD);
        options.check();
        return new RnnCell(spec.inputSize(), spec.hiddenSize(), Activation.RELU, true, std);
    }
}
