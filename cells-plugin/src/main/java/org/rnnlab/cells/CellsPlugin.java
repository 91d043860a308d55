package org.rnnlab.cells;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabVersion;

/** The built-in cells: {@code rnn}, {@code irnn}, {@code lstm}, {@code gru}, {@code dense}. */
public final class CellsPlugin implements Plugin {

    @Override
    public String id() {
        return "cells";
    }

    @Override
    public String version() {
        return RnnlabVersion.current();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                var cells = Components.of(binder(), ComponentKind.CELL);
                cells.addBinding().to(RnnCellFactory.class);
                cells.addBinding().to(IrnnCellFactory.class);
                cells.addBinding().to(LstmCellFactory.class);
                cells.addBinding().to(GruCellFactory.class);
                cells.addBinding().to(DenseCellFactory.class);
            }
        };
    }
}
