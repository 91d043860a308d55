package org.rnnlab.cells;

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code gru}: option {@code reset_after=true|false}. The default, {@code true}, is {@code torch.nn.GRU}
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
        return "GRU, gates r,z,n as torch.nn.GRU; reset_after=true (PyTorch/cuDNN) or false (Cho et al.)";
    }

    static final SettingKey<Boolean> RESET_AFTER = SettingKey.flag("reset_after",
            "true: r gates W_hn h + b_hn (torch.nn.GRU, cuDNN); false: W_hn (r*h) + b_hn (Cho et al. 2014)")
            .defaultsTo(true).formerly("resetAfter");

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("cell gru", RESET_AFTER);
    }

    @Override
    public Cell create(CellSpec spec) {
        boolean resetAfter = checkOptions(spec).get(RESET_AFTER);
        return new GruCell(spec.inputSize(), spec.hiddenSize(), resetAfter);
    }
}
