package org.rnnlab.api;

import java.util.List;

/** The components of every loaded plugin, by kind and id. */
public interface ComponentRegistry {

    /** The component with this id, or {@link UnknownComponentException} listing the ids that exist. */
    <T extends Component> T get(ComponentKind<T> kind, String id);

    /** Every component of a kind, sorted by id. */
    <T extends Component> List<T> all(ComponentKind<T> kind);

    /** Ids of a kind, sorted. */
    default List<String> ids(ComponentKind<?> kind) {
        return all(kind).stream().map(Component::id).toList();
    }
}
