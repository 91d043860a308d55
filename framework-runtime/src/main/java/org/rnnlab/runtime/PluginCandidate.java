package org.rnnlab.runtime;

import java.util.concurrent.Callable;
import org.rnnlab.api.Plugin;

/**
 * A plugin found but not yet instantiated: instantiating may throw, which makes it a failed plugin.
 *
 * @param provider    the provider's class name (or the file it should have come from), shown if it fails
 * @param source      where it was found
 * @param instantiate makes the plugin; may throw
 */
record PluginCandidate(String provider, PluginSource source, Callable<Plugin> instantiate) {

    static PluginCandidate of(Plugin plugin, boolean builtIn) {
        return new PluginCandidate(plugin.getClass().getName(), PluginSource.of(plugin.getClass(), builtIn), () -> plugin);
    }
}
