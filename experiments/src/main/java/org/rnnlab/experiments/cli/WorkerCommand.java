package org.rnnlab.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lab worker}: a cluster member that trains the variants {@code lab run --cluster} hands it. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster of lab members and train the variants it is given (see lab run --cluster).")
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--threads", paramLabel = "N",
            description = "Variants this member trains at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        var settings = cluster.settings(threads);
        var registry = lab.registry();
        BrokenPlugins.warn(registry, spec.commandLine().getErr());
        ClusterModule.launcher().work(settings, registry, spec.commandLine().getOut());
        return 0;
    }
}
