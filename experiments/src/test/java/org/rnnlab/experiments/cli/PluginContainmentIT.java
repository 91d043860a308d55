package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that misbehave in the real application (issue 20): a plugin whose {@code id()} returns null, one
 * whose Guice module throws and one compiled against an older plugin API lie beside a good plugin; every
 * command still works, the good plugin is LOADED, each bad one FAILED with one line and no stack trace.
 */
class PluginContainmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aNullIdPluginBesideAGoodOneIsFailedAndTheGoodOneLoaded() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path work = Files.createDirectories(tmp.resolve("work"));
        PluginJar.buildAll(Map.of(
                PluginJar.of("com.example.fine", "fine-plugin", "fine"), plugins.resolve("fine.jar"),
                PluginJar.of("com.example.nameless", null, "nameless"), plugins.resolve("nameless.jar"),
                PluginJar.of("com.example.exploding", "exploding-plugin", "exploding")
                        .configure("if (true) { throw new IllegalStateException(\"configure exploded\"); }"),
                plugins.resolve("exploding.jar")), work);
        olderApiPlugin(plugins.resolve("old.jar"), work);

        LabProcess.Result json = LabProcess.lab("plugins", "--json", "--plugins", plugins.toString());
        assertThat(json.exit()).as("three plugins did not load: " + json.err()).isEqualTo(1);
        JsonNode root = JSON.readTree(json.out());
        assertThat(plugin(root, "fine-plugin").get("status").asText()).isEqualTo("LOADED");
        JsonNode nameless = plugin(root, "com.example.nameless.TestPlugin");
        assertThat(nameless.get("status").asText()).isEqualTo("FAILED");
        assertThat(nameless.get("problem").asText()).contains("has the id null");
        JsonNode exploding = plugin(root, "exploding-plugin");
        assertThat(exploding.get("status").asText()).isEqualTo("FAILED");
        assertThat(exploding.get("problem").asText()).contains("java.lang.IllegalStateException: configure exploded");
        JsonNode old = plugin(root, "old-plugin");
        assertThat(old.get("status").asText()).isEqualTo("FAILED");
        assertThat(old.get("problem").asText()).contains("built against an older plugin API", "AbstractMethodError");
        assertThat(json.err()).as("Guice's own log stays off the console").doesNotContain("\tat ")
                .doesNotContain("com.google.inject");

        LabProcess.Result text = LabProcess.lab("plugins", "--plugins", plugins.toString());
        assertThat(text.exit()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("fine-plugin 1.2.3").contains("com.example.nameless.TestPlugin ? (api ?)  [FAILED]")
                .contains("3 of ").contains("plugins not loaded");
        assertThat(text.err()).doesNotContain("\tat ");

        LabProcess.Result list = LabProcess.lab("list", "--plugins", plugins.toString());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("hello");
        LabProcess.Result described = LabProcess.lab("describe", "trainer", "fine", "--plugins", plugins.toString());
        assertThat(described.exit()).as(described.err()).isZero();
    }

    private static JsonNode plugin(JsonNode root, String id) {
        for (JsonNode p : root.get("plugins")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no plugin '" + id + "' in " + root.toPrettyString());
    }

    /**
     * A plugin compiled against an older {@code org.rnnlab.api} whose {@code Plugin} had no {@code version()}:
     * the class loads today, and asking its version is an {@link AbstractMethodError}.
     */
    private static void olderApiPlugin(Path jar, Path work) throws IOException {
        Path guice = Files.createDirectories(work.resolve("guice-only"));
        try (Stream<Path> jars = Files.list(LabProcess.lib())) {
            for (Path p : jars.filter(p -> !p.getFileName().toString().startsWith("rnnlab-")).toList()) {
                Files.copy(p, guice.resolve(p.getFileName()));
            }
        }
        Path api = work.resolve("old-api");
        write(api.resolve("module-info.java"), "module org.rnnlab.api { requires transitive com.google.guice; exports org.rnnlab.api; }\n");
        write(api.resolve("org/rnnlab/api/Plugin.java"), "package org.rnnlab.api;\n"
                + "public interface Plugin { String id(); default int apiVersion() { return "
                + org.rnnlab.api.ApiVersion.CURRENT + "; } com.google.inject.Module module(); }\n");
        Path oldApi = PluginJar.compiled(api, work.resolve("old-api.jar"), work, guice.toString());
        Path src = work.resolve("old-plugin");
        write(src.resolve("module-info.java"), "module com.example.old { requires org.rnnlab.api;"
                + " provides org.rnnlab.api.Plugin with com.example.old.OldPlugin; }\n");
        write(src.resolve("com/example/old/OldPlugin.java"), "package com.example.old;\n"
                + "public final class OldPlugin implements org.rnnlab.api.Plugin {\n"
                + "    public String id() { return \"old-plugin\"; }\n"
                + "    public com.google.inject.Module module() { return new com.google.inject.AbstractModule() {}; }\n"
                + "}\n");
        write(src.resolve("META-INF/services/org.rnnlab.api.Plugin"), "com.example.old.OldPlugin\n");
        PluginJar.compiled(src, jar, work, guice + java.io.File.pathSeparator + oldApi);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
