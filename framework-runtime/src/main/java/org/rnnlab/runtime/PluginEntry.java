package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One plugin the registry found, loaded or not.
 *
 * @param id         the plugin's id, or its provider class when the plugin could not be asked
 * @param version    the plugin's version, or {@code "?"} when unknown
 * @param apiVersion the plugin API version it was built for, when known
 * @param source     where it was loaded from
 * @param status     whether its components are registered
 * @param problem    why not, for a plugin that failed or was refused
 * @param components what it contributes, by kind name in {@link org.rnnlab.api.ComponentKind#all()} order
 */
public record PluginEntry(String id, String version, OptionalInt apiVersion, PluginSource source,
                          PluginStatus status, Optional<String> problem,
                          Map<String, List<ComponentEntry>> components) {
    public PluginEntry {
        components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    }

    PluginEntry withProblem(PluginStatus newStatus, String why) {
        return new PluginEntry(id, version, apiVersion, source, newStatus, Optional.of(why), components);
    }

    public boolean loaded() {
        return status == PluginStatus.LOADED;
    }
}
