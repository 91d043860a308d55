package org.rnnlab.api;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/**
 * Where a plugin's Guice module adds its components, one set binding per {@link ComponentKind}:
 * <pre>{@code
 * protected void configure() {
 *     Components.of(binder(), ComponentKind.CELL).addBinding().to(LstmCellFactory.class);
 * }
 * }</pre>
 * The runtime indexes each set by {@link Component#id()} and refuses two components of one kind with
 * the same id, naming both plugins.
 */
public final class Components {
    private Components() {}

    /** The set binding for one kind of component. */
    public static <T extends Component> Multibinder<T> of(Binder binder, ComponentKind<T> kind) {
        return Multibinder.newSetBinder(binder, kind.type());
    }
}
