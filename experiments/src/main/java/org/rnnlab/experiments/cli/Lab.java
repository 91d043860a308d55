package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.rnnlab.api.ApiVersion;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.experiments.bench.BenchCommand;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * {@code lab}: the rnnlab command line. Exit codes: 0 success, 1 failure, 2 usage error. Errors print one
 * line ({@code --verbose} adds the stack trace).
 *
 * <p>A new command is a picocli {@code @Command} class added to the {@code subcommands} list below.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = Lab.Version.class,
        description = "Comparative experiments on recurrent neural networks.",
        subcommands = {
                RunCommand.class,
                ListCommand.class,
                PluginsCommand.class,
                DescribeCommand.class,
                BenchCommand.class,
                ReferenceCheckCommand.class,
                ReportCommand.class,
                GenerateCommand.class,
                TagCommand.class,
                EmbeddingsCommand.class,
                TranslateCommand.class,
                NewCommand.class,
                WorkerCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Lab implements Callable<Integer>, Supplier<PluginRegistry> {
    /** Set by the {@code lab} script to the repository root; {@code plugins/} and {@code runs/} live there. */
    static final String HOME_PROPERTY = "rnnlab.home";

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of plugin jars (default: plugins/ of the rnnlab folder).")
    Path plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PluginRegistry registry;

    public static void main(String[] args) {
        // Guice's generated classes cannot be defined in plugins' module layers; reflection works everywhere
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line writing to {@code out} and {@code err}, with rnnlab's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Lab());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            boolean verbose = ((Lab) command.getCommandSpec().root().userObject()).verbose;
            command.getErr().println("lab: " + messageOf(e));
            if (verbose) {
                e.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            // settings that do not fit are the user's to fix, like a bad option: a usage error
            return e instanceof ConfigException ? command.getCommandSpec().exitCodeOnInvalidInput() : 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("lab: " + e.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl;
    }

    /** The command line with exactly {@code registry}'s plugins instead of those it would find (tests, embedding). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, PluginRegistry registry) {
        CommandLine cl = commandLine(out, err);
        ((Lab) cl.getCommandSpec().userObject()).registry = registry;
        return cl;
    }

    /** {@code lab} alone shows the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** The plugins, for commands that know the registry only as a supplier ({@code lab bench}). */
    @Override
    public PluginRegistry get() {
        return registry();
    }

    /** The plugins, loaded once per command. */
    public PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.load(pluginsFolder());
        }
        return registry;
    }

    /** {@code --plugins}, which must exist, else {@code plugins/} under the rnnlab folder if it exists. */
    Optional<Path> pluginsFolder() {
        if (plugins != null) {
            if (!Files.isDirectory(plugins)) {
                throw new RnnlabException("plugins folder " + plugins.toAbsolutePath() + " does not exist");
            }
            return Optional.of(plugins);
        }
        return Optional.of(home().resolve("plugins")).filter(Files::isDirectory);
    }

    /** The rnnlab folder the {@code lab} script runs from, or the current directory. */
    static Path home() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    static String messageOf(Throwable e) {
        if (e instanceof RnnlabException && e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** {@code lab --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "rnnlab " + RnnlabVersion.current(),
                    "plugin API " + ApiVersion.CURRENT,
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") on "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            };
        }
    }
}
