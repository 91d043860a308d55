package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lab new cell|experiment|plugin NAME}: writes a complete Maven project for a plugin (pom for JDK 25
 * under Maven 3.8+, module-info, services file, a skeleton stating its contract, a test) that builds and
 * passes its tests on the first {@code mvn package} once rnnlab is installed in the local repository.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a Maven project for a new cell, experiment or plugin (a cell and an experiment).")
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "cell, experiment or plugin.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "The component id (lowercase-kebab: acme-cell).")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the project goes (default: ./NAME); must not exist or be empty.")
    Path dir;

    @Option(names = "--package", paramLabel = "PKG", description = "Java package and module name (default: org.example.NAME without hyphens).")
    String pkg;

    @Override
    public Integer call() {
        ProjectTemplate template = ProjectTemplate.of(kind, name, pkg);
        Path target = dir != null ? dir : Path.of(name);
        List<Path> files = template.write(target);
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + files.size() + " files in " + target.toAbsolutePath());
        o.println("next:");
        o.println("  (cd RNNLAB && mvn -q install -DskipTests)   # once: rnnlab's api, model and testkit into ~/.m2");
        o.println("  (cd " + target + " && mvn package)          # builds and runs its tests");
        String jar = template.values().get("artifactId") + "-1.0.jar";
        String run = switch (kind) {
            case "cell" -> "./lab run dinosaurs --quick --set cell=" + name;
            default -> "./lab run " + template.values().get("experimentId") + " --quick";
        };
        o.println("  cp " + target.resolve("target").resolve(jar) + " RNNLAB/plugins/   # or a folder given with --plugins DIR");
        o.println("  " + run);
        o.flush();
        return 0;
    }
}
