package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ApiVersion;

/**
 * The real application in a child process on the module path, with plugin jars built during the test
 * the way a third party would build them.
 */
class LabIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode plugin(JsonNode root, String id) {
        for (JsonNode p : root.get("plugins")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no plugin '" + id + "' in " + root.toPrettyString());
    }

    private static JsonNode pluginsJson(Path folder) throws Exception {
        LabProcess.Result r = LabProcess.lab("plugins", "--json", "--plugins", folder.toString());
        JsonNode root = JSON.readTree(r.out());
        boolean allLoaded = true;
        for (JsonNode p : root.get("plugins")) {
            allLoaded &= p.get("status").asText().equals("LOADED");
        }
        // exit 1 exactly when a plugin failed or was refused, the JSON the same either way
        assertThat(r.exit()).as(r.err()).isEqualTo(allLoaded ? 0 : 1);
        return root;
    }

    @Test
    void pluginsJsonFromTheModulePathListsTheBuiltInPlugins() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("plugins"));

        JsonNode root = pluginsJson(empty);

        assertThat(root.get("apiVersion").asInt()).isEqualTo(ApiVersion.CURRENT);
        assertThat(root.get("rnnlabVersion").asText()).isNotEqualTo("unknown");
        assertThat(root.get("plugins").isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        root.get("plugins").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).contains("cells", "datasets", "trainers", "reporting", "experiments");
        assertThat(plugin(root, "cells").get("components").get("cell").findValuesAsText("id")).contains("rnn", "lstm", "gru");
        assertThat(plugin(root, "experiments").get("components").get("experiment").findValuesAsText("id")).contains("hello");
        // every built-in plugin must load, and from a named module: the process ran on the module path
        for (JsonNode p : root.get("plugins")) {
            assertThat(p.get("loadedFrom").asText()).isEqualTo("built-in");
            assertThat(p.get("status").asText()).as(p.toString()).isEqualTo("LOADED");
            assertThat(p.get("module").asText()).startsWith("org.rnnlab.");
        }
    }

    @Test
    void aPluginJarInThePluginsFolderIsListedAsLoadedFromThereAndUsableById() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path jar = PluginJar.of("com.example.echo", "echo-plugin", "echo")
                .build(plugins.resolve("echo.jar"), Files.createDirectories(tmp.resolve("work")));

        JsonNode echo = plugin(pluginsJson(plugins), "echo-plugin");

        assertThat(echo.get("status").asText()).isEqualTo("LOADED");
        assertThat(echo.get("version").asText()).isEqualTo("1.2.3");
        assertThat(echo.get("apiVersion").asInt()).isEqualTo(ApiVersion.CURRENT);
        assertThat(echo.get("loadedFrom").asText()).isEqualTo(jar.toAbsolutePath().toString());
        assertThat(echo.get("module").asText()).isEqualTo("com.example.echo");
        JsonNode trainer = echo.get("components").get("trainer").get(0);
        assertThat(trainer.get("id").asText()).isEqualTo("echo");
        assertThat(trainer.get("description").asText()).isEqualTo("a test trainer from echo-plugin");

        LabProcess.Result described = LabProcess.lab("describe", "trainer", "echo", "--plugins", plugins.toString());
        assertThat(described.exit()).as(described.err()).isZero();
        assertThat(described.out()).contains("trainer echo", "class: com.example.echo.TestTrainer",
                "plugin: echo-plugin 1.2.3, " + jar.toAbsolutePath());

        LabProcess.Result text = LabProcess.lab("plugins", "--plugins", plugins.toString());
        assertThat(text.out()).contains("echo-plugin 1.2.3 (api 1)", "loaded from: " + jar.toAbsolutePath(),
                "trainer:", "echo  a test trainer from echo-plugin");
    }

    @Test
    void pluginFoldersKeepTheirOwnVersionsOfALibrary() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path work = Files.createDirectories(tmp.resolve("work"));
        for (String name : List.of("alpha", "beta")) {
            Path folder = plugins.resolve(name);
            Path library = PluginJar.library("com.example.greeting", "greeting of " + name,
                    folder.resolve("greeting.jar"), work);
            PluginJar.of("com.example." + name, name + "-plugin", name)
                    .describedBy("com.example.greeting.Greeting.text()", "com.example.greeting")
                    .build(folder.resolve(name + ".jar"), work, library);
        }

        JsonNode root = pluginsJson(plugins);

        for (String name : List.of("alpha", "beta")) {
            JsonNode p = plugin(root, name + "-plugin");
            assertThat(p.get("status").asText()).as(p.toString()).isEqualTo("LOADED");
            assertThat(p.get("loadedFrom").asText()).isEqualTo(plugins.resolve(name).toAbsolutePath().toString());
            // one module name, two versions side by side: each plugin sees its own
            assertThat(p.get("components").get("trainer").get(0).get("description").asText())
                    .isEqualTo("greeting of " + name);
        }
    }

    @Test
    void failureMatrixBrokenPluginsAreReportedAndTheOthersStillLoad() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path throwing = plugins.resolve("throwing.jar");
        // compiled against a library that is then not shipped beside it
        Path library = PluginJar.library("com.example.greeting", "hi", work.resolve("lib/greeting.jar"), work);
        PluginJar.buildAll(Map.of(
                PluginJar.of("com.example.needy", "needy-plugin", "needy")
                        .describedBy("com.example.greeting.Greeting.text()", "com.example.greeting"),
                plugins.resolve("needy.jar"),
                PluginJar.of("com.example.fine", "fine-plugin", "fine"), plugins.resolve("fine.jar"),
                PluginJar.of("com.example.throwing", "throwing-plugin", "throwing")
                        .constructor("throw new IllegalStateException(\"cannot reach the license server\");"), throwing,
                PluginJar.of("com.example.future", "future-plugin", "future").apiVersion(99), plugins.resolve("future.jar"),
                PluginJar.of("com.example.dupa", "dup-a", "same"), plugins.resolve("dup-a.jar"),
                PluginJar.of("com.example.dupb", "dup-b", "same"), plugins.resolve("dup-b.jar")), work, library);

        JsonNode root = pluginsJson(plugins);

        assertThat(plugin(root, "fine-plugin").get("status").asText()).isEqualTo("LOADED");
        JsonNode needy = plugin(root, "needy.jar");
        assertThat(needy.get("status").asText()).isEqualTo("FAILED");
        assertThat(needy.get("problem").asText()).contains("needy.jar", "com.example.greeting not found");
        JsonNode failed = plugin(root, "com.example.throwing.TestPlugin");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("loadedFrom").asText()).isEqualTo(throwing.toAbsolutePath().toString());
        assertThat(failed.get("problem").asText())
                .contains("java.lang.IllegalStateException: cannot reach the license server");
        JsonNode future = plugin(root, "future-plugin");
        assertThat(future.get("status").asText()).isEqualTo("REFUSED");
        assertThat(future.get("problem").asText()).isEqualTo("plugin 'future-plugin' was built for plugin API"
                + " version 99 but this rnnlab supports plugin API version " + ApiVersion.CURRENT);
        for (String dup : List.of("dup-a", "dup-b")) {
            JsonNode p = plugin(root, dup);
            assertThat(p.get("status").asText()).isEqualTo("REFUSED");
            assertThat(p.get("problem").asText()).contains("duplicate trainer id 'same'", "plugin 'dup-a'", "plugin 'dup-b'");
        }

        LabProcess.Result duplicate = LabProcess.lab("describe", "trainer", "same", "--plugins", plugins.toString());
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("trainer 'same' is contributed by plugin 'dup-a'", "plugin 'dup-b'")
                .doesNotContain("\tat ");

        LabProcess.Result unknown = LabProcess.lab("describe", "trainer", "nope", "--plugins", plugins.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("lab: unknown trainer 'nope'; known trainers: ").contains("fine")
                .doesNotContain("\tat ");

        LabProcess.Result text = LabProcess.lab("plugins", "--plugins", plugins.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("[FAILED]", "[REFUSED]", "cannot reach the license server",
                "5 of ").contains("plugins not loaded");
    }

    @Test
    void runHelloQuickLeavesTheRunDirectoryAndPrintsWhereItIs() throws Exception {
        Path out = tmp.resolve("runs");

        LabProcess.Result r = LabProcess.lab("run", "hello", "--quick", "--threads", "1", "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        Path runDirectory;
        try (var s = Files.list(out.resolve("hello"))) {
            runDirectory = s.findFirst().orElseThrow();
        }
        assertThat(runDirectory.getFileName().toString()).matches("\\d{8}-\\d{6}");
        assertThat(r.out()).contains("run directory: " + runDirectory.toAbsolutePath());
        JsonNode json = JSON.readTree(runDirectory.resolve("experiment.json").toFile());
        assertThat(json.get("experiment").asText()).isEqualTo("hello");
        assertThat(json.get("request").get("quick").asText()).isEqualTo("true");
        assertThat(json.get("provenance").get("kernels.name").asText()).isIn("scalar", "vector");
        assertThat(json.get("status").elements().next().asText()).isEqualTo("COMPLETED");
        String variant = json.get("variants").get(0).get("directory").asText();
        assertThat(runDirectory.resolve(variant)).isDirectory();
    }

    @Test
    void badSettingsAreAllListedBeforeTrainingAndUnknownExperimentsListTheKnownOnes() throws Exception {
        Path out = tmp.resolve("runs");

        LabProcess.Result bad = LabProcess.lab("run", "hello", "--set", "cell=lstn", "--set", "hidden=abc",
                "--out", out.toString());
        LabProcess.Result unknown = LabProcess.lab("run", "helo", "--out", out.toString());
        LabProcess.Result list = LabProcess.lab("list");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("2 problems", "setting 'hidden' must be an integer but was 'abc'",
                "unknown cell 'lstn'; known cells: ").doesNotContain("\tat ");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("lab: unknown experiment 'helo'; known experiments: ", "hello", "dinosaurs");
        assertThat(out).doesNotExist();
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("hello", "vanishing-gradients");
    }

    @Test
    void theLabScriptWithoutAJdk25SaysWhatToInstall() throws Exception {
        Path jdk17 = oldJdk();
        Map<String, String> env = Map.of(
                "JAVA_HOME", jdk17.toString(),
                "PATH", jdk17.resolve("bin") + ":/usr/bin:/bin",
                "RNNLAB_JDK_SEARCH", "/nonexistent");

        LabProcess.Result r = LabProcess.run(List.of("bash", LabProcess.root().resolve("lab").toString(), "plugins"), env, tmp);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("rnnlab needs a JDK 25 or newer")
                .contains("temurin-25-jdk", "JAVA_HOME")
                .doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    /** A real JDK older than 25 if the machine has one, else a stand-in that reports version 17. */
    private Path oldJdk() throws IOException {
        List<Path> found = new ArrayList<>();
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (var s = Files.list(jvm)) {
                s.filter(p -> p.getFileName().toString().matches("(java-)?17.*|.*-17-.*|temurin-17.*"))
                        .filter(p -> Files.isExecutable(p.resolve("bin/java"))).forEach(found::add);
            }
        }
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        Path home = tmp.resolve("fake-jdk-17");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n");
        java.toFile().setExecutable(true);
        return home;
    }
}
