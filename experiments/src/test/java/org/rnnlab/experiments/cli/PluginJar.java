package org.rnnlab.experiments.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds a plugin jar the way a third party would: a module with a {@code Plugin} and one trainer
 * component, compiled against the api jar with javac and packed with jar (both through
 * {@link ToolProvider}, so the test needs no access to {@code jdk.compiler}).
 *
 * @param module       the module name, also the package
 * @param pluginId     the plugin's id, or null for a plugin whose {@code id()} returns null
 * @param trainerId    the id of the trainer it contributes
 * @param apiVersion   the API version it claims
 * @param constructor  the plugin constructor's body (e.g. a {@code throw})
 * @param description  a Java expression for the trainer's description
 * @param requires     extra modules it requires (its dependencies)
 * @param configure    statements its Guice module's {@code configure()} runs first (e.g. a {@code throw})
 */
record PluginJar(String module, String pluginId, String trainerId, int apiVersion, String constructor,
                 String description, List<String> requires, String configure) {

    static PluginJar of(String module, String pluginId, String trainerId) {
        return new PluginJar(module, pluginId, trainerId, org.rnnlab.api.ApiVersion.CURRENT, "",
                "\"a test trainer from " + pluginId + "\"", List.of(), "");
    }

    PluginJar apiVersion(int v) {
        return new PluginJar(module, pluginId, trainerId, v, constructor, description, requires, configure);
    }

    PluginJar constructor(String body) {
        return new PluginJar(module, pluginId, trainerId, apiVersion, body, description, requires, configure);
    }

    PluginJar describedBy(String expression, String... modules) {
        return new PluginJar(module, pluginId, trainerId, apiVersion, constructor, expression, List.of(modules), configure);
    }

    PluginJar configure(String statements) {
        return new PluginJar(module, pluginId, trainerId, apiVersion, constructor, description, requires, statements);
    }

    /** Compiles and jars the plugin into {@code jar}; {@code modulePath} adds the plugin's own dependencies. */
    Path build(Path jar, Path work, Path... modulePath) throws IOException {
        buildAll(java.util.Map.of(this, jar), work, modulePath);
        return jar;
    }

    /** Compiles several plugins with one javac run (multi-module mode) and jars each into its file. */
    static void buildAll(java.util.Map<PluginJar, Path> jars, Path work, Path... modulePath) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        for (PluginJar p : jars.keySet()) {
            p.writeSources(src.resolve(p.module));
        }
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> javac = new ArrayList<>(List.of("--release", "25", "-proc:none",
                "--module-path", modulePathOf(modulePath), "--module-source-path", src.toString(),
                "-d", classes.toString(), "--module",
                String.join(",", jars.keySet().stream().map(PluginJar::module).toList())));
        tool("javac", javac);
        for (var e : jars.entrySet()) {
            jar(classes.resolve(e.getKey().module), src.resolve(e.getKey().module), e.getValue());
        }
    }

    private void writeSources(Path src) throws IOException {
        String pkg = module.replace('.', '/');
        write(src.resolve("module-info.java"), "module " + module + " {\n"
                + "    requires org.rnnlab.api;\n"
                + requires.stream().map(r -> "    requires " + r + ";\n").reduce("", String::concat)
                + "    provides org.rnnlab.api.Plugin with " + module + ".TestPlugin;\n"
                + "    opens " + module + " to com.google.guice;\n"
                + "}\n");
        write(src.resolve(pkg).resolve("TestPlugin.java"), "package " + module + ";\n"
                + "public final class TestPlugin implements org.rnnlab.api.Plugin {\n"
                + "    public TestPlugin() { " + constructor + " }\n"
                + "    @Override public String id() { return " + (pluginId == null ? "null" : "\"" + pluginId + "\"") + "; }\n"
                + "    @Override public String version() { return \"1.2.3\"; }\n"
                + "    @Override public int apiVersion() { return " + apiVersion + "; }\n"
                + "    @Override public com.google.inject.Module module() {\n"
                + "        return new com.google.inject.AbstractModule() {\n"
                + "            @Override protected void configure() {\n"
                + "                " + configure + "\n"
                + "                org.rnnlab.api.Components.of(binder(), org.rnnlab.api.ComponentKind.TRAINER)\n"
                + "                        .addBinding().to(TestTrainer.class);\n"
                + "            }\n"
                + "        };\n"
                + "    }\n"
                + "}\n");
        write(src.resolve(pkg).resolve("TestTrainer.java"), "package " + module + ";\n"
                + "import java.util.Map;\n"
                + "import org.rnnlab.api.event.RunStatus;\n"
                + "import org.rnnlab.api.train.*;\n"
                + "public final class TestTrainer implements TrainerFactory {\n"
                + "    @Override public String id() { return \"" + trainerId + "\"; }\n"
                + "    @Override public String description() { return " + description + "; }\n"
                + "    @Override public Trainer create() {\n"
                + "        return ctx -> new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());\n"
                + "    }\n"
                + "}\n");
        write(src.resolve("META-INF/services/org.rnnlab.api.Plugin"), module + ".TestPlugin\n");
    }

    /** A plain library module {@code name} with one class {@code name.Greeting} whose {@code text()} is {@code text}. */
    static Path library(String name, String text, Path jar, Path work) throws IOException {
        Path src = Files.createTempDirectory(work, name);
        write(src.resolve("module-info.java"), "module " + name + " { exports " + name + "; }\n");
        write(src.resolve(name.replace('.', '/')).resolve("Greeting.java"), "package " + name + ";\n"
                + "public final class Greeting { public static String text() { return \"" + text + "\"; } }\n");
        return compileAndJar(src, jar, work);
    }

    private static Path compileAndJar(Path src, Path jar, Path work) throws IOException {
        return compileAndJar(src, src, jar, work, List.of());
    }

    /**
     * Builds a plugin from a source tree as its author's build would: compiles the {@code .java} files
     * under {@code sources} against rnnlab's modules and jars them with {@code resources}' META-INF.
     */
    static Path fromSources(Path sources, Path resources, Path jar, Path work) throws IOException {
        return compileAndJar(sources, resources, jar, work, List.of("--module-path", modulePathOf()));
    }

    /** Compiles the sources under {@code src} against exactly {@code modulePath} (an older API, say) and jars them with its META-INF. */
    static Path compiled(Path src, Path jar, Path work, String modulePath) throws IOException {
        return compileAndJar(src, src, jar, work, List.of("--module-path", modulePath));
    }

    private static Path compileAndJar(Path src, Path resources, Path jar, Path work, List<String> options)
            throws IOException {
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> javac = new ArrayList<>(List.of("--release", "25", "-proc:none", "-d", classes.toString()));
        javac.addAll(options);
        javac.addAll(sources);
        tool("javac", javac);
        jar(classes, resources, jar);
        return jar;
    }

    private static String modulePathOf(Path... extra) {
        StringBuilder path = new StringBuilder(LabProcess.lib().toString());
        for (Path p : extra) {
            path.append(java.io.File.pathSeparator).append(p);
        }
        return path.toString();
    }

    private static void jar(Path classes, Path src, Path jar) throws IOException {
        List<String> jarArgs = new ArrayList<>(List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        if (Files.isDirectory(src.resolve("META-INF"))) {
            jarArgs.addAll(List.of("-C", src.toString(), "META-INF"));
        }
        Files.createDirectories(jar.getParent());
        tool("jar", jarArgs);
    }

    private static void tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(name + " not found: run on a JDK"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(text, true, StandardCharsets.UTF_8);
        int exit = tool.run(ps, ps, args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException(name + " failed (" + exit + "): " + text.toString(StandardCharsets.UTF_8));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
