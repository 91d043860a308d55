package org.rnnlab.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.rnnlab.api.ApiVersion;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.runtime.ComponentEntry;
import org.rnnlab.runtime.PluginEntry;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab plugins}: every plugin found, where from, and its components by kind; failures with their
 * cause. Exits with 1 when a plugin failed or was refused (text and {@code --json} alike).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List plugins: id, version, where each was loaded from, and its components by kind. "
                + "Exit code 1 when a plugin failed or was refused.")
final class PluginsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PluginRegistry registry = lab.registry();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(asJson(registry)));
        } else {
            printText(registry.plugins(), out);
        }
        out.flush();
        // scripts and CI see a broken plugins folder in the exit code; the listing itself is the same
        return registry.plugins().stream().allMatch(PluginEntry::loaded) ? 0 : 1;
    }

    private static Map<String, Object> asJson(PluginRegistry registry) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rnnlabVersion", RnnlabVersion.current());
        root.put("apiVersion", ApiVersion.CURRENT);
        root.put("plugins", registry.plugins().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("apiVersion", p.apiVersion().isPresent() ? p.apiVersion().getAsInt() : null);
            m.put("status", p.status().name());
            m.put("loadedFrom", p.source().loadedFrom());
            m.put("module", p.source().module());
            m.put("location", p.source().location().map(Object::toString).orElse(null));
            p.problem().ifPresent(problem -> m.put("problem", problem));
            Map<String, Object> components = new LinkedHashMap<>();
            p.components().forEach((kind, list) -> components.put(kind, list.stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", c.id());
                cm.put("description", c.description());
                cm.put("class", c.type());
                return cm;
            }).toList()));
            m.put("components", components);
            return m;
        }).toList());
        return root;
    }

    /** Null-safe: a FAILED plugin's components are listed as it gave them, a null id or description among them. */
    static void printText(List<PluginEntry> plugins, PrintWriter out) {
        if (plugins.isEmpty()) {
            out.println("no plugins found");
            return;
        }
        for (PluginEntry p : plugins) {
            String api = p.apiVersion().isPresent() ? "api " + p.apiVersion().getAsInt() : "api ?";
            String status = p.loaded() ? "" : "  [" + p.status() + "]";
            out.println(p.id() + " " + p.version() + " (" + api + ")" + status);
            out.println("  loaded from: " + p.source().describe());
            p.problem().ifPresent(problem -> out.println("  problem: " + problem));
            p.components().forEach((kind, list) -> {
                out.println("  " + kind + ":");
                int width = list.stream().mapToInt(c -> String.valueOf(c.id()).length()).max().orElse(0);
                for (ComponentEntry c : list) {
                    out.println("    " + pad(String.valueOf(c.id()), width) + "  " + Objects.toString(c.description(), "(no description)"));
                }
            });
        }
        long bad = plugins.stream().filter(p -> !p.loaded()).count();
        if (bad > 0) {
            out.println(bad + " of " + plugins.size() + " plugins not loaded (see problem lines above)");
        }
    }

    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
