package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.experiment.ExperimentDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lab list}: the experiments of every loaded plugin, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the experiments you can run.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ExperimentDefinition> experiments = lab.registry().all(ComponentKind.EXPERIMENT);
        PrintWriter out = spec.commandLine().getOut();
        if (experiments.isEmpty()) {
            out.println("no experiments found; 'lab plugins' shows what was loaded");
        }
        int width = experiments.stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (ExperimentDefinition e : experiments) {
            out.println(PluginsCommand.pad(e.id(), width) + "  " + e.description());
        }
        out.flush();
        return 0;
    }
}
