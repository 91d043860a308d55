package org.rnnlab.api.task;

import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.experiment.Settings;

/**
 * What the pipeline gives a {@link Task} to build a model: the variant's settings (sizes such as
 * {@code hidden}, {@code layers}, {@code embedding}; the cell's options under {@code cell.}), the seed the
 * initial weights are drawn from, and the components a model is made of (cells), looked up by the id the
 * task reads from its settings. A task without recurrence never asks for a cell.
 *
 * @since 0.1
 */
public record ModelRequest(Settings settings, long seed, ComponentRegistry registry) {

    /** The cell factory with this id; an {@link org.rnnlab.api.UnknownComponentException} lists the ids that exist. */
    public CellFactory cell(String id) {
        return registry.get(ComponentKind.CELL, id);
    }
}
