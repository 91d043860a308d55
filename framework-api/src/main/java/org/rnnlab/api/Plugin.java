package org.rnnlab.api;

import com.google.inject.Module;

/**
 * A unit of rnnlab extensions, found with {@link java.util.ServiceLoader}.
 *
 * <p>Every plugin must provide its own unique {@link #id()}, and its {@link #module()} contributes
 * components (cells, tokenizers, datasets, trainers, optimizers, reporters, experiments) through
 * {@link Components}. A plugin is built against one {@link #apiVersion()}; the runtime refuses a
 * plugin whose API version it does not support, naming both versions.
 *
 * <p>Implementations need a public no-argument constructor and must not do work in it: a provider
 * that throws is reported as a failed plugin and the others still load.
 *
 * @since 0.1
 */
public interface Plugin {

    /** Lowercase-kebab id, unique among loaded plugins, never changed once published. Never null. */
    String id();

    /** The plugin's own version, shown by {@code lab plugins}. Never null. */
    String version();

    /** The plugin API version this plugin was compiled against. */
    default int apiVersion() {
        return ApiVersion.CURRENT;
    }

    /** The Guice module that adds this plugin's components to the per-kind bindings. Never null. */
    Module module();
}
