package org.example.mgu;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/** Makes {@link MguCell}s. */
public final class MguCellFactory implements CellFactory {
    @Override
    public String id() {
        return "mgu";
    }

    @Override
    public String description() {
        return "Minimal Gated Unit (Zhou et al. 2016): one forget gate, written with engine ops only";
    }

    @Override
    public Cell create(CellSpec spec) {
        checkOptions(spec); // MGU declares no settings (Component#settings), so any option is refused
        return new MguCell(spec.inputSize(), spec.hiddenSize());
    }
}
