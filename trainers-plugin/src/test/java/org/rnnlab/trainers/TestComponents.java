package org.rnnlab.trainers;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Types;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.UnknownComponentException;

/** The components of the cells, datasets and trainers plugins, found with ServiceLoader and wired through their Guice modules as the runtime does. */
final class TestComponents implements ComponentRegistry {
    private static final Injector INJECTOR = Guice.createInjector(ServiceLoader.load(Plugin.class).stream()
            .map(p -> p.get().module()).toList());

    @Override
    public <T extends Component> T get(ComponentKind<T> kind, String id) {
        return all(kind).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownComponentException(kind.name(), id, ids(kind)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Component> List<T> all(ComponentKind<T> kind) {
        Key<Set<T>> key = (Key<Set<T>>) Key.get(Types.setOf(kind.type()));
        if (INJECTOR.getExistingBinding(key) == null) {
            return List.of();
        }
        return INJECTOR.getInstance(key).stream().sorted(Comparator.comparing(Component::id)).toList();
    }
}
