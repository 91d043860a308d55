package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.experiments.source.SourceCompiler;

/**
 * {@code lab new}: the projects it writes are complete (no placeholder left), compile against the current
 * API, model and testkit, and pin the plugin versions rnnlab's own build uses. LabNewIT builds one with
 * Maven and runs it.
 */
class NewCommandTest {
    @TempDir
    Path work;

    private static Path rnnlabRoot() {
        // surefire runs in the module's folder
        return Path.of("").toAbsolutePath().getParent();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cell", "experiment", "plugin"})
    void writesAProjectThatCompilesAgainstTheCurrentApi(String kind) throws IOException {
        Path dir = work.resolve("acme-" + kind);
        InProcessLab.Result r = InProcessLab.lab("new", kind, "acme-" + kind, "--dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote").contains(dir.toAbsolutePath().toString());
        assertThat(dir.resolve("pom.xml")).exists();
        assertThat(dir.resolve("src/main/java/module-info.java")).exists();
        assertThat(read(dir.resolve("src/main/resources/META-INF/services/org.rnnlab.api.Plugin")).strip())
                .isEqualTo("org.example.acme" + kind + "." + ProjectTemplate.className("acme-" + kind) + "Plugin");
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(f -> assertThat(read(f)).as(f.toString()).doesNotContain("{{"));
        }
        List<Path> main = javaFiles(dir.resolve("src/main/java"));
        List<Path> test = javaFiles(dir.resolve("src/test/java"));
        assertThat(test).isNotEmpty();

        // main sources as the named module Maven compiles
        SourceCompiler compiler = SourceCompiler.againstRunningModules(ClassPathModules.all(), List.of("org.rnnlab.api"));
        assertCompiles(compiler, main);
        // tests with the main classes, in the unnamed module, against the testkit and JUnit
        List<Path> together = new ArrayList<>(main.stream().filter(p -> !p.endsWith("module-info.java")).toList());
        together.addAll(test);
        assertCompiles(SourceCompiler.againstRunningModules(ClassPathModules.all(),
                List.of("org.rnnlab.api", "org.rnnlab.model", "org.rnnlab.testkit")), together);
    }

    private static void assertCompiles(SourceCompiler compiler, List<Path> files) {
        var result = compiler.compile(files.stream().map(f -> new SourceCompiler.Source(f.toString(), read(f))).toList());
        assertThat(result.problems()).as("javac on %s", files).isEmpty();
    }

    @Test
    void theCellProjectNamesItsCellByTheGivenId() throws IOException {
        Path dir = work.resolve("p");
        assertThat(InProcessLab.lab("new", "cell", "acme-test", "--dir", dir.toString()).exit()).isZero();
        String factory = read(dir.resolve("src/main/java/org/example/acmetest/AcmeTestCellFactory.java"));
        assertThat(factory).contains("return \"acme-test\";");
        assertThat(read(dir.resolve("pom.xml"))).contains("<artifactId>acme-test-cell</artifactId>");
    }

    /** The generated build resolves only what rnnlab's own build already fetched, so it works offline after it. */
    @Test
    void thePomPinsThePluginVersionsOfRnnlabsOwnBuild() throws IOException {
        Path dir = work.resolve("v");
        assertThat(InProcessLab.lab("new", "cell", "acme-test", "--dir", dir.toString()).exit()).isZero();
        String generated = read(dir.resolve("pom.xml"));
        String parent = read(rnnlabRoot().resolve("pom.xml"));
        Pattern plugin = Pattern.compile("<artifactId>(maven-[a-z-]+-plugin|plexus-java|asm)</artifactId>\\s*<version>([^<]+)</version>");
        Matcher m = plugin.matcher(generated);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertThat(parent).as(m.group(1)).containsPattern("<artifactId>" + m.group(1) + "</artifactId>\\s*<version>"
                    + Pattern.quote(m.group(2)) + "</version>");
        }
        assertThat(seen).isGreaterThanOrEqualTo(7);
        assertThat(parent).contains("<junit.version>" + ProjectTemplate.JUNIT_VERSION + "</junit.version>");
        assertThat(generated).contains("<release>25</release>").contains("--add-modules jdk.incubator.vector")
                .contains("select-jdk-toolchain");
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndNamesIt() throws IOException {
        Path dir = Files.createDirectories(work.resolve("full"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        InProcessLab.Result r = InProcessLab.lab("new", "cell", "acme-test", "--dir", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot create the project in " + dir.toAbsolutePath()
                + ": it exists and is not an empty folder");
        assertThat(read(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void refusesAnIdThatIsNotKebabAndAnUnknownKind() {
        InProcessLab.Result bad = InProcessLab.lab("new", "cell", "Acme_Cell", "--dir", work.resolve("x").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'Acme_Cell' is not a component id");
        InProcessLab.Result kind = InProcessLab.lab("new", "tokenizer", "acme", "--dir", work.resolve("y").toString());
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown kind of project 'tokenizer'; lab new makes cell, experiment, plugin");
        assertThat(work.resolve("x")).doesNotExist();
        assertThat(work.resolve("y")).doesNotExist();
    }
}
