package org.rnnlab.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.List;
import org.rnnlab.api.ApiVersion;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;

/** A plugin for tests that contributes the given components, each under the kind its type belongs to. */
record FixturePlugin(String id, String version, int apiVersion, List<? extends Component> components) implements Plugin {

    static FixturePlugin of(String id, Component... components) {
        return new FixturePlugin(id, "1.0", ApiVersion.CURRENT, List.of(components));
    }

    /** What the runtime's pipeline needs besides a trainer: the {@code tiny} dataset, a task and an optimiser. */
    static FixturePlugin pipeline(FixtureDataset tiny) {
        return of("pipeline-fixtures", tiny, new FixtureTask(), new FixtureOptimizer());
    }

    static FixturePlugin pipeline() {
        return pipeline(new FixtureDataset());
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                for (Component c : components) {
                    bind(ComponentKind.all().stream().filter(k -> k.type().isInstance(c)).findFirst().orElseThrow(), c);
                }
            }

            private <T extends Component> void bind(ComponentKind<T> kind, Component c) {
                Components.of(binder(), kind).addBinding().toInstance(kind.type().cast(c));
            }
        };
    }
}
