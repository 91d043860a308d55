package org.rnnlab.api.experiment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.UnknownComponentException;

/** A registry of named components with declared option keys, for validation tests. */
final class FakeRegistry implements ComponentRegistry {
    private final Map<ComponentKind<?>, Map<String, Set<String>>> ids;

    FakeRegistry(Map<ComponentKind<?>, Map<String, Set<String>>> ids) {
        this.ids = ids;
    }

    static FakeRegistry standard() {
        return new FakeRegistry(Map.of(
                ComponentKind.CELL, Map.of("rnn", Set.of("activation"), "lstm", Set.of(), "gru", Set.of()),
                ComponentKind.DATASET, Map.of("order", Set.of("length", "count"), "csv", Set.of("path", "text", "label")),
                ComponentKind.TOKENIZER, Map.of("word", Set.of("lowercase"), "bag-of-words", Set.of()),
                ComponentKind.TRAINER, Map.of("bptt", Set.of()),
                ComponentKind.OPTIMIZER, Map.of("adam", Set.of("beta1", "beta2"))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Component> T get(ComponentKind<T> kind, String id) {
        Map<String, Set<String>> m = ids.getOrDefault(kind, Map.of());
        Set<String> options = m.get(id);
        if (options == null) {
            throw new UnknownComponentException(kind.name(), id, m.keySet().stream().sorted().toList());
        }
        Component c = new Component() {
            public String id() { return id; }
            public String description() { return id; }
            public Set<String> optionKeys() { return options; }
        };
        return (T) c; // validation only calls Component methods
    }

    @Override
    public <T extends Component> List<T> all(ComponentKind<T> kind) {
        return ids.getOrDefault(kind, Map.of()).keySet().stream().sorted().map(id -> get(kind, id)).toList();
    }
}
