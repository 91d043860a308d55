package org.example.mgu;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;

/** Contributes the {@code mgu} cell. */
public final class MguPlugin implements Plugin {
    @Override
    public String id() {
        return "mgu-cell";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Components.of(binder(), ComponentKind.CELL).addBinding().to(MguCellFactory.class);
            }
        };
    }
}
