package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.experiment.ExperimentDefinition;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lab describe KIND ID}: one component, looked up by id as a run would, the plugin it comes from, and
 * the settings it reads (its {@link Component#settings()}) with type, rule, default and meaning; an
 * experiment shows what it fixes and varies ({@link ExperimentDescription}).
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show one component and its settings: lab describe cell lstm.")
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
        var kindKey = RuntimeSettings.components().stream().filter(key -> key.type().component().contains(k)).findFirst();
        if (c instanceof ExperimentDefinition d) {
            ExperimentDescription.print(out, d.experiment(), registry);
        } else if (kindKey.isPresent()) {
            printSettings(out, kindKey.get(), c);
        } else if (c.settings().keys().isEmpty()) {
            out.println("  settings: none");
        } else {
            // a kind no run setting names (a reporter): its keys as it declares them
            out.println("  settings:");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("key", "default", "meaning"));
            c.settings().keys().forEach(key -> rows.add(List.of(key.name(), key.shownDefault(), key.meaning())));
            ExperimentDescription.table(out, rows);
        }
        out.flush();
        return 0;
    }

    /** The component's settings schema as a table: key as the user types it, type, rule, default, meaning. */
    private static void printSettings(PrintWriter out, SettingKey<String> kindKey, Component c) {
        SettingsSchema schema = c.settings();
        boolean topLevel = RuntimeSettings.TOP_LEVEL.contains(kindKey);
        if (schema.keys().isEmpty()) {
            out.println("  settings: none");
            return;
        }
        out.println(topLevel
                ? "  settings (--set KEY=VALUE; " + c.id() + ".KEY=VALUE for the variants using " + c.id() + " only):"
                : "  settings (--set " + kindKey.name() + ".KEY=VALUE; " + c.id() + ".KEY=VALUE for the variants using "
                        + c.id() + " only):");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("key", "type", "default", "meaning"));
        for (SettingKey<?> key : schema.keys()) {
            String type = key.type().name() + (key.check().isAny() ? "" : ", " + rule(key.check().rule()));
            String meaning = key.meaning() + (key.formerNames().isEmpty() ? ""
                    : " (formerly " + String.join(", ", key.formerNames()) + ")")
                    + (key.owner().equals(schema.keys().getFirst().owner()) ? "" : " [" + key.owner() + "]");
            rows.add(List.of(topLevel ? key.name() : kindKey.name() + "." + key.name(), type, key.shownDefault(), meaning));
        }
        int[] width = new int[3];
        rows.forEach(r -> {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        rows.forEach(r -> out.println("    " + PluginsCommand.pad(r.get(0), width[0]) + "  " + PluginsCommand.pad(r.get(1), width[1])
                + "  " + PluginsCommand.pad(r.get(2), width[2]) + "  " + r.get(3)));
    }

    /** "be at least 1" as "at least 1", "not be negative" as "not negative". */
    private static String rule(String rule) {
        return rule.replaceAll("(^| and )be ", "$1").replace("not be ", "not ");
    }
}
