package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabVersion;

/**
 * The Maven projects {@code lab new} writes, from the templates under {@code lab-new/} in this module's
 * resources: {@code KIND.files} lists each template and where it goes, and {@code {{key}}} in a template
 * or a target path is replaced by the project's value for {@code key}.
 */
record ProjectTemplate(String kind, Map<String, String> values) {
    /** The kinds of project, as typed after {@code lab new}. */
    static final List<String> KINDS = List.of("cell", "experiment", "plugin");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** JUnit of rnnlab's own build: the generated project's tests resolve the same artifacts. */
    static final String JUNIT_VERSION = "5.11.4";

    /** The project of {@code kind} for the component id {@code id}, in Java package {@code pkg} (null: derived). */
    static ProjectTemplate of(String kind, String id, String pkg) {
        if (!KINDS.contains(kind)) {
            throw new ConfigException("unknown kind of project '" + kind + "'; lab new makes " + String.join(", ", KINDS));
        }
        if (!ID.matcher(id).matches()) {
            throw new ConfigException("'" + id + "' is not a component id: lowercase letters, digits and single hyphens, "
                    + "starting with a letter (acme-cell)");
        }
        String name = className(id);
        String p = pkg != null ? pkg : "org.example." + id.replace("-", "");
        if (!SourceVersion.isName(p) || !p.contains(".")) {
            throw new ConfigException("'" + p + "' is not a Java package name of two or more parts (org.example.acme); "
                    + "choose one with --package");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("kind", kind);
        v.put("id", id);
        v.put("Name", name);
        v.put("package", p);
        v.put("packagePath", p.replace('.', '/'));
        v.put("groupId", p);
        String pluginId = switch (kind) {
            case "cell" -> id + "-cell";
            case "experiment" -> id + "-experiment";
            default -> id;
        };
        v.put("pluginId", pluginId);
        String cell = "                Components.of(binder(), ComponentKind.CELL).addBinding().to(" + name + "CellFactory.class);";
        String experiment = "                Components.of(binder(), ComponentKind.EXPERIMENT).addBinding().to(" + name + "Experiment.class);";
        v.put("bindings", switch (kind) {
            case "cell" -> cell;
            case "experiment" -> experiment;
            default -> cell + "\n" + experiment;
        });
        v.put("artifactId", pluginId);
        v.put("rnnlabVersion", RnnlabVersion.current());
        v.put("junitVersion", JUNIT_VERSION);
        v.put("cell", kind.equals("experiment") ? "gru" : id);
        boolean plugin = kind.equals("plugin");
        v.put("experimentId", plugin ? id + "-vs-lstm" : id);
        v.put("experimentDescription", plugin ? id + " against lstm on dinosaur names" : "gru of two sizes on dinosaur names");
        v.put("axis", plugin ? ".vary(\"cell\", \"lstm\", \"" + id + "\")" : ".vary(\"hidden\", 32, 64)");
        v.put("variantExample", plugin ? "lstm_s1, " + id + "_s1" : "hidden=32_s1, hidden=64_s1");
        v.put("description", switch (kind) {
            case "cell" -> "The " + id + " cell for rnnlab";
            case "experiment" -> "The " + id + " experiment for rnnlab";
            default -> "The " + id + " plugin for rnnlab (a cell and an experiment)";
        });
        return new ProjectTemplate(kind, Map.copyOf(v));
    }

    /** {@code acme-test} becomes {@code AcmeTest}. */
    static String className(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }

    /** The files of the project: path inside it, and content. */
    Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : resource(kind + ".files").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            out.put(fill(parts[1]), fill(resource(parts[0])));
        }
        return out;
    }

    /** Writes the project into {@code dir}, which must not exist or be empty; returns the files written. */
    List<Path> write(Path dir) {
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
                throw new ConfigException("cannot create the project in " + dir.toAbsolutePath()
                        + ": it exists and is not an empty folder");
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> f : files().entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template placeholder {{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ProjectTemplate.class.getResourceAsStream("/lab-new/" + name)) {
            if (in == null) {
                throw new IllegalStateException("lab new template lab-new/" + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
