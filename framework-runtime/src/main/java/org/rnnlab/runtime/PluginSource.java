package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a plugin came from: built in (the boot module layer or the class path) or a jar or folder of
 * {@code plugins/} loaded into a module layer of its own.
 *
 * @param builtIn  whether the plugin ships with rnnlab (boot layer or class path)
 * @param module   the plugin's module name, or {@code "(class path)"} for the unnamed module
 * @param location the jar, folder or class directory it was read from, when known
 */
public record PluginSource(boolean builtIn, String module, Optional<Path> location) {

    static PluginSource of(Class<?> type, boolean builtIn) {
        Module m = type.getModule();
        String name = m.isNamed() ? m.getName() : "(class path)";
        return new PluginSource(builtIn, name, locationOf(type));
    }

    /** {@code built-in} or the path of the jar or folder in {@code plugins/}. */
    public String loadedFrom() {
        return builtIn ? "built-in" : location.map(Path::toString).orElse("(unknown)");
    }

    /** One line for people: {@code built-in (module org.rnnlab.cells, /x/cells.jar)}. */
    public String describe() {
        String where = location.map(p -> ", " + p).orElse("");
        return builtIn ? "built-in (module " + module + where + ")"
                : location.map(Path::toString).orElse("(unknown)") + " (module " + module + ")";
    }

    private static Optional<Path> locationOf(Class<?> type) {
        try {
            var domain = type.getProtectionDomain();
            var source = domain == null ? null : domain.getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                return Optional.of(Path.of(source.getLocation().toURI()));
            }
            Module m = type.getModule();
            if (m.isNamed() && m.getLayer() != null) {
                return m.getLayer().configuration().findModule(m.getName())
                        .flatMap(r -> r.reference().location())
                        .filter(uri -> "file".equals(uri.getScheme()))
                        .map(Path::of);
            }
        } catch (Exception | LinkageError e) {
            // the location is informative only; a plugin without one still loads
        }
        return Optional.empty();
    }
}
