package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;
import org.rnnlab.api.experiment.GridRequest;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.experiments.source.SourceExperiment;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.experiments.live.LiveView;
import org.rnnlab.runtime.ClusterLauncher;
import org.rnnlab.runtime.ExperimentOutcome;
import org.rnnlab.runtime.ExperimentPlan;
import org.rnnlab.runtime.ExperimentRunner;
import org.rnnlab.runtime.PluginRegistry;
import org.rnnlab.runtime.RecordedRun;
import org.rnnlab.runtime.RunOptions;
import org.rnnlab.runtime.events.EventLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lab run NAME}: runs an experiment's variants and prints where the results are. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment (see lab list).")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "The experiment to run: an id (lab list) or a Java source file defining one (MyStudy.java).")
    String name;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting of every variant (repeatable); a comma list (cell=lstm,gru) varies it.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 1..N instead of the experiment's seeds.")
    Integer seeds;

    @Option(names = "--quick", description = "Shrink the run to a smoke test.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Variants trained at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Where runs/<experiment>/<time>/ goes (default: runs/ of the rnnlab folder).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue this stopped run of NAME in its own directory, with the settings it recorded: "
                    + "finished variants are kept, the others go on from their last checkpoint.")
    Path resume;

    @Option(names = "--check", description = "Exit with 1 when one of the experiment's claims fails or cannot be measured.")
    boolean check;

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Option(names = "--cluster", description = "Train the variants on a cluster of lab members (lab worker), this "
            + "process one of them; see the README.")
    boolean clustered;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    /** The cluster's side of this run with {@code --cluster}, else null. */
    private ClusterLauncher.Coordinator coordinator;

    private final ClaimVerdicts verdicts = new ClaimVerdicts();

    @Override
    public Integer call() {
        serve.check();
        if (!clustered) {
            if (cluster.given()) {
                throw new ConfigException("--join, --port, --address, --cluster-name and --secret-file need --cluster");
            }
            return runOrResume();
        }
        try (ClusterLauncher.Coordinator c = ClusterModule.launcher().coordinate(cluster.settings(threads), lab.registry())) {
            coordinator = c;
            int exit = runOrResume();
            stdout().println(c.traffic());
            stdout().flush();
            return exit;
        }
    }

    private int runOrResume() {
        PluginRegistry registry = lab.registry();
        BrokenPlugins.warn(registry, spec.commandLine().getErr());
        if (resume != null) {
            try (LiveView live = serve.start(registry, earlier -> EventLog.history(resume.toAbsolutePath().normalize()).replay(earlier),
                    stdout())) {
                return afterRun(report(resume(registry, ServeOptions.subscribers(live, List.of(verdicts)))), live);
            }
        }
        ExperimentDefinition definition = definition(registry);
        Experiment experiment = definition.experiment();
        // every problem of the request (unknown key, wrong type, unknown id) at once, before any training
        var grid = experiment.variants(new GridRequest(overrides, Optional.ofNullable(seeds), quick), registry);
        if (grid.isInvalid()) {
            throw new ConfigException(grid.getError().asJava());
        }
        List<Variant> variants = grid.get();
        Map<String, String> request = new TreeMap<>();
        overrides.forEach((k, v) -> request.put("set." + k, v));
        if (seeds != null) {
            request.put("seeds", seeds.toString());
        }
        request.put("quick", Boolean.toString(quick));
        Path folder = out != null ? out : Lab.home().resolve("runs");
        try (LiveView live = serve.start(registry, EventHistory.NONE, stdout())) {
            ExperimentOutcome outcome = runner(registry).run(
                    new ExperimentPlan(definition.id(), definition.description(), experiment.lesson(), variants, request,
                            Map.of(), experiment.claims()),
                    new RunOptions(folder, threads, interactive()), ServeOptions.subscribers(live, List.of(verdicts)));
            return afterRun(report(outcome), live);
        }
    }

    private ExperimentRunner runner(PluginRegistry registry) {
        ExperimentRunner runner = new ExperimentRunner(registry);
        return coordinator == null ? runner : runner.on(coordinator);
    }

    /** {@code --keep-serving}: the final pages stay served until Ctrl-C; else the exit code at once. */
    private int afterRun(int exit, LiveView live) {
        if (live != null && serve.keepServing) {
            try {
                live.serveUntilStopped(stdout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return exit;
    }

    private PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /** Continues {@link #resume}: its experiment.json fixes the variants and settings, so none may be given. */
    private ExperimentOutcome resume(PluginRegistry registry, List<EventSubscriber> subscribers) {
        List<String> given = new java.util.ArrayList<>();
        if (!overrides.isEmpty()) {
            given.add("--set");
        }
        if (seeds != null) {
            given.add("--seeds");
        }
        if (quick) {
            given.add("--quick");
        }
        if (out != null) {
            given.add("--out");
        }
        if (!given.isEmpty()) {
            throw new ConfigException("--resume continues a run with the settings it recorded: "
                    + String.join(", ", given) + " cannot be combined with it");
        }
        RecordedRun recorded = RecordedRun.read(resume);
        ExperimentDefinition fromSource = SourceExperiment.isSourceFile(name) ? SourceExperiment.load(Path.of(name)) : null;
        String id = fromSource != null ? fromSource.id() : name;
        if (!recorded.experiment().equals(id)) {
            throw new ConfigException("cannot resume " + recorded.directory() + " as '" + name
                    + "': it is a run of experiment '" + recorded.experiment() + "'");
        }
        // the claims are the experiment's as this rnnlab defines it; the run's recorded request decides which apply
        List<org.rnnlab.api.experiment.Claim> claims = fromSource != null ? fromSource.experiment().claims()
                : registry.all(ComponentKind.EXPERIMENT).stream()
                .filter(d -> d.id().equals(name)).findFirst().map(d -> d.experiment().claims()).orElse(List.of());
        return runner(registry).resume(recorded, claims,
                new RunOptions(recorded.directory(), threads, interactive()), subscribers);
    }

    /** NAME: a plugin's experiment, or one defined in a Java source file ({@code lab run MyStudy.java}). */
    private ExperimentDefinition definition(PluginRegistry registry) {
        return SourceExperiment.isSourceFile(name) ? SourceExperiment.load(Path.of(name))
                : registry.get(ComponentKind.EXPERIMENT, name);
    }

    private static boolean interactive() {
        return System.console() != null && System.console().isTerminal();
    }

    /**
     * Prints each variant's status, the run directory and the report, and returns the exit code: 1 when a
     * variant failed or a file could not be written (each named on stderr with its cause; the report is then
     * not announced as done, and the results computed so far stay in the run directory to resume from).
     */
    private int report(ExperimentOutcome outcome) {
        PrintWriter o = spec.commandLine().getOut();
        outcome.status().forEach((variant, status) -> o.println(PluginsCommand.pad(status.name(), 9) + " " + variant
                + (status == RunStatus.FAILED ? ": " + outcome.failures().get(variant) : "")));
        verdicts.print(o);
        o.println("run directory: " + outcome.runDirectory());
        Path report = outcome.runDirectory().resolve("comparison.html");
        if (outcome.allWritten() && java.nio.file.Files.exists(report)) {
            o.println("report: " + report);
        }
        o.flush();
        if (!outcome.allWritten()) {
            PrintWriter err = spec.commandLine().getErr();
            outcome.writeFailures().forEach(f -> err.println("lab: " + f));
            err.println("lab: the report is incomplete; what was computed is kept in " + outcome.runDirectory()
                    + " (once the files can be written: lab run " + name + " --resume " + outcome.runDirectory() + ")");
            err.flush();
        }
        return outcome.allSucceeded() && outcome.allWritten() && !(check && verdicts.anyFailed()) ? 0 : 1;
    }
}
