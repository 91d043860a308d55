package org.rnnlab.api.experiment;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.UnknownComponentException;

/** Checks every variant's settings: known keys, value types and ranges, component ids that exist, component options. */
final class SettingsValidation {
    private SettingsValidation() {}

    static Validation<Seq<String>, List<Variant>> check(List<Variant> variants, ComponentRegistry registry) {
        Set<String> problems = new LinkedHashSet<>();
        for (Variant v : variants) {
            Map<String, String> values = v.settings().values();
            for (String required : List.of("dataset", "cell")) {
                if (!values.containsKey(required)) {
                    problems.add("setting '" + required + "' is required");
                }
            }
            values.forEach((key, value) -> checkOne(key, value, values, registry, problems));
        }
        return problems.isEmpty() ? Validation.valid(variants) : Validation.invalid(Vector.ofAll(problems));
    }

    private static void checkOne(String key, String value, Map<String, String> all, ComponentRegistry registry,
                                 Set<String> problems) {
        var known = SettingsSchema.key(key);
        if (known.isPresent()) {
            SettingKey k = known.get();
            k.type().check(key, value).forEach(problems::add);
            SettingBounds.check(key, k.type(), value).forEach(problems::add);
            k.component().ifPresent(kind -> {
                try {
                    registry.get(kind, value.trim());
                } catch (UnknownComponentException e) {
                    problems.add("setting '" + key + "': " + e.getMessage());
                }
            });
            return;
        }
        int dot = key.indexOf('.');
        String prefix = dot > 0 ? key.substring(0, dot) : key;
        if (dot > 0 && SettingsSchema.COMPONENT_PREFIXES.contains(prefix)) {
            String id = all.get(prefix);
            ComponentKind<?> kind = SettingsSchema.key(prefix).flatMap(SettingKey::component).orElseThrow();
            if (id == null) {
                problems.add("setting '" + key + "' is given but '" + prefix + "' is not set");
                return;
            }
            Component c;
            try {
                c = registry.get(kind, id.trim());
            } catch (UnknownComponentException e) {
                return; // reported for the id itself
            }
            Set<String> options = c.optionKeys();
            String option = key.substring(dot + 1);
            if (!options.isEmpty() && !options.contains(option)) {
                problems.add("unknown setting '" + key + "': " + kind.name() + " '" + id + "' takes "
                        + String.join(", ", options.stream().sorted().map(o -> prefix + "." + o).toList()));
            }
            return;
        }
        problems.add("unknown setting '" + key + "'; known settings: "
                + String.join(", ", SettingsSchema.keys().keySet()) + ", and options under "
                + String.join(".*, ", SettingsSchema.COMPONENT_PREFIXES) + ".*");
    }
}
