package org.rnnlab.api.experiment;

import java.util.Optional;
import org.rnnlab.api.ComponentKind;

/** A setting an experiment may give: its key, value type, and for ids the kind of component named. */
public record SettingKey(String key, SettingType type, Optional<ComponentKind<?>> component, String description) {

    static SettingKey text(String key, String description) {
        return new SettingKey(key, SettingType.TEXT, Optional.empty(), description);
    }

    static SettingKey integer(String key, String description) {
        return new SettingKey(key, SettingType.INTEGER, Optional.empty(), description);
    }

    static SettingKey real(String key, String description) {
        return new SettingKey(key, SettingType.REAL, Optional.empty(), description);
    }

    static SettingKey flag(String key, String description) {
        return new SettingKey(key, SettingType.FLAG, Optional.empty(), description);
    }

    static SettingKey id(String key, ComponentKind<?> kind, String description) {
        return new SettingKey(key, SettingType.COMPONENT_ID, Optional.of(kind), description);
    }
}
