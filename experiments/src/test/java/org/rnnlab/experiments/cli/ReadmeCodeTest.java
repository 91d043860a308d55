package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiments.source.SourceCompiler;
import org.rnnlab.experiments.source.SourceExperiment;

/**
 * Every {@code ```java} block of README.md compiles against the current API, so the README cannot drift.
 * Blocks declaring one package are one project: its classes compile together, a module block of the
 * same name compiles with its main classes as that module, and its tests against the testkit. A block
 * without a package is a single-file experiment and compiles as {@code lab run File.java} compiles it.
 */
class ReadmeCodeTest {
    private static final Pattern BLOCK = Pattern.compile("(?m)^([ \\t]*)```java[ \\t]*\\n(.*?)^[ \\t]*```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern MODULE = Pattern.compile("(?m)^(open\\s+)?module\\s+([\\w.]+)\\s*\\{");

    record Block(int line, String text) {
        String name() {
            return "README.md (block at line " + line + ")";
        }

        SourceCompiler.Source source() {
            return new SourceCompiler.Source(name(), text);
        }
    }

    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder text = new StringBuilder();
            for (String l : m.group(2).split("\n", -1)) {
                text.append(l.startsWith(indent) ? l.substring(indent.length()) : l).append('\n');
            }
            int line = (int) markdown.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            out.add(new Block(line, text.toString()));
        }
        return out;
    }

    @Test
    void everyJavaBlockCompilesAgainstTheCurrentApi() throws IOException {
        Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
        List<Block> blocks = blocks(Files.readString(readme));
        assertThat(blocks).as("java blocks in " + readme).hasSizeGreaterThanOrEqualTo(8);

        Map<String, List<Block>> classes = new LinkedHashMap<>();
        Map<String, List<Block>> modules = new LinkedHashMap<>();
        List<Block> singleFiles = new ArrayList<>();
        for (Block b : blocks) {
            Matcher pkg = PACKAGE.matcher(b.text());
            Matcher mod = MODULE.matcher(b.text());
            if (pkg.find()) {
                classes.computeIfAbsent(pkg.group(1), k -> new ArrayList<>()).add(b);
            } else if (mod.find()) {
                modules.computeIfAbsent(mod.group(2), k -> new ArrayList<>()).add(b);
            } else {
                singleFiles.add(b);
            }
        }
        List<String> problems = new ArrayList<>();
        modules.forEach((name, blocksOfModule) -> {
            if (!classes.containsKey(name)) {
                problems.add("module " + name + " (" + blocksOfModule.getFirst().name() + ") has no classes in package " + name);
            }
        });
        SourceCompiler api = SourceCompiler.againstRunningModules(ClassPathModules.all(), List.of("org.rnnlab.api", "org.rnnlab.model"));
        SourceCompiler withKit = SourceCompiler.againstRunningModules(ClassPathModules.all(),
                List.of("org.rnnlab.api", "org.rnnlab.model", "org.rnnlab.testkit"));
        classes.forEach((pkg, group) -> {
            List<Block> main = group.stream().filter(b -> !b.text().contains("org.rnnlab.testkit")).toList();
            // the whole package, tests included, as a class-path project
            report(withKit.compile(group.stream().map(Block::source).toList()), problems);
            // each module block with the package's main classes, as the named module Maven compiles
            for (Block module : modules.getOrDefault(pkg, List.of())) {
                List<SourceCompiler.Source> sources = new ArrayList<>(main.stream().map(Block::source).toList());
                sources.add(module.source());
                report(api.compile(sources), problems);
            }
        });
        for (Block b : singleFiles) {
            report(SourceExperiment.compile(b.name(), b.text()), problems);
        }
        assertThat(singleFiles).as("the single-file experiment of the README").isNotEmpty();
        assertThat(problems).as("README.md's java blocks that do not compile").isEmpty();
    }

    private static void report(SourceCompiler.Result result, List<String> problems) {
        result.problems().forEach(p -> problems.add(p.toString()));
    }

    /** The test can fail: a block missing an import is reported with its README line. */
    @Test
    void aBlockWithoutItsImportsIsReported() {
        Block b = blocks("x\n```java\npackage a.b;\nclass C { List<String> l; }\n```\n").getFirst();
        assertThat(b.line()).isEqualTo(2);
        var result = SourceExperiment.compile(b.name(), b.text());
        assertThat(result.problems()).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).startsWith("README.md (block at line 2):2:").contains("cannot find symbol"));
    }
}
