package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lab describe KIND ID}: one component, looked up by id as a run would, and the plugin it comes from. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show one component: lab describe cell lstm.")
final class DescribeCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "cell, tokenizer, dataset, trainer, optimizer, reporter or experiment")
    String kind;

    @Parameters(index = "1", paramLabel = "ID", description = "The component's id.")
    String id;

    @Override
    public Integer call() {
        ComponentKind<?> k = ComponentKind.all().stream().filter(c -> c.name().equals(kind)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown kind '" + kind
                        + "'; kinds: " + String.join(", ", ComponentKind.all().stream().map(ComponentKind::name).toList())));
        PluginRegistry registry = lab.registry();
        Component c = registry.get(k, id);
        PrintWriter out = spec.commandLine().getOut();
        out.println(k.name() + " " + c.id());
        out.println("  " + c.description());
        out.println("  class: " + c.getClass().getName());
        registry.ownerOf(k, c.id()).ifPresent(p ->
                out.println("  plugin: " + p.id() + " " + p.version() + ", " + p.source().describe()));
        out.flush();
        return 0;
    }
}
