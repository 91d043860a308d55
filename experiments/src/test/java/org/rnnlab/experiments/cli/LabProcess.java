package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a process and collects its exit code and output; {@link #lab} starts the real application on
 * the module path ({@code java -p experiments.jar:lib -m org.rnnlab.experiments/...}), as the lab script
 * does, never on the test class path. Public for the ITs of the other packages (the lessons).
 */
public final class LabProcess {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    public record Result(int exit, String out, String err) {}

    private LabProcess() {}

    /** The experiments jar and its dependency folder, as failsafe's system properties name them. */
    static String modulePath() {
        String jar = System.getProperty("rnnlab.jar");
        String lib = System.getProperty("rnnlab.lib");
        if (jar == null || lib == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("run through failsafe after 'package': rnnlab.jar=" + jar + ", rnnlab.lib=" + lib);
        }
        return jar + java.io.File.pathSeparator + lib;
    }

    /** The folder holding the dependency jars, the api among them. */
    static Path lib() {
        return Path.of(System.getProperty("rnnlab.lib"));
    }

    /** The repository root, where the lab script is. */
    static Path root() {
        return Path.of(System.getProperty("rnnlab.root"));
    }

    /** The java launcher of this JVM (a JDK 25+: the tests run on the toolchain). */
    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    public static Result lab(String... args) throws IOException, InterruptedException {
        return lab(TIMEOUT, args);
    }

    /** {@code lab args} in this JVM ({@link Lab#commandLine}), for the unit tests of the commands. */
    public static Result inProcess(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Lab.commandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@link #lab(String...)} with its own time limit, for commands that train. */
    public static Result lab(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Dguice_bytecode_gen_option=DISABLED",
                "--add-modules", "jdk.incubator.vector", "-p", modulePath(),
                "-m", "org.rnnlab.experiments/org.rnnlab.experiments.cli.Lab"));
        command.addAll(List.of(args));
        return run(command, Map.of(), null, timeout);
    }

    static Result run(List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException {
        return run(command, environment, directory, TIMEOUT);
    }

    private static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        pb.environment().putAll(environment);
        Path out = Files.createTempFile("lab-out", ".txt");
        Path err = Files.createTempFile("lab-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
