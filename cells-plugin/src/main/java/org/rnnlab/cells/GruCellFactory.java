package org.rnnlab.cells;

import java.util.Set;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/**
 * {@code gru}: option {@code resetAfter=true|false}. The default, {@code true}, is {@code torch.nn.GRU}
 * and cuDNN's formulation, so weights trained here load into PyTorch unchanged and the three recurrent
 * products of a step are one GEMM; {@code false} is the formulation of Cho et al. (2014) and the course
 * slides. See {@link GruCell}.
 */
final class GruCellFactory implements CellFactory {

    @Override
    public String id() {
        return "gru";
    }

    @Override
    public String description() {
        return "GRU, gates r,z,n as torch.nn.GRU; resetAfter=true (PyTorch/cuDNN) or false (Cho et al.)";
    }

    @Override
    public Cell create(CellSpec spec) {
        CellOptions options = new CellOptions(id(), spec, Set.of("resetAfter"));
        boolean resetAfter = options.flag("resetAfter", true);
        options.check();
        return new GruCell(spec.inputSize(), spec.hiddenSize(), resetAfter);
    }
}
