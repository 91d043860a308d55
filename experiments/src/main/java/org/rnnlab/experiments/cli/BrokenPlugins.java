package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import org.rnnlab.runtime.PluginEntry;
import org.rnnlab.runtime.PluginRegistry;

/** One warning line per plugin that failed or was refused, so a run does not go on silently without it. */
final class BrokenPlugins {
    private BrokenPlugins() {}

    static void warn(PluginRegistry registry, PrintWriter err) {
        for (PluginEntry p : registry.plugins()) {
            if (!p.loaded()) {
                err.println("lab: warning: plugin " + p.id() + " (" + p.source().describe() + ") " + p.status().name()
                        + ": " + p.problem().orElse("no cause given") + " (lab plugins lists them)");
            }
        }
        err.flush();
    }
}
