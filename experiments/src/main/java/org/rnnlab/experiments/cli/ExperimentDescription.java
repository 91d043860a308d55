package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.experiment.Alternative;
import org.rnnlab.api.experiment.Axis;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.SettingKey;

/**
 * The settings part of {@code lab describe experiment NAME}: what the experiment fixes (key, value and the
 * key's meaning from the schema of the component that reads it), what it varies, its seeds and
 * {@code --quick} settings, and the run-level keys with their defaults.
 */
final class ExperimentDescription {
    private ExperimentDescription() {}

    static void print(PrintWriter out, Experiment e, ComponentRegistry registry) {
        Map<String, String> meanings = meanings(e, registry);
        out.println("  settings it fixes (--set KEY=VALUE overrides; lab describe KIND ID for a component's own keys):");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("key", "value", "meaning"));
        new java.util.TreeMap<>(e.settings()).forEach((k, v) -> rows.add(List.of(k, v, meanings.getOrDefault(k, ""))));
        table(out, rows);
        if (!e.axes().isEmpty()) {
            out.println("  varies (one variant per combination and seed):");
            for (Axis a : e.axes()) {
                out.println("    " + a.name() + ": " + String.join(", ", a.alternatives().stream().map(ExperimentDescription::shown).toList()));
            }
        }
        out.println("  seeds: " + String.join(", ", e.seeds().stream().map(String::valueOf).toList()));
        if (!e.quick().isEmpty()) {
            out.println("  --quick sets: " + String.join(", ", e.quick().entrySet().stream()
                    .map(q -> q.getKey() + "=" + q.getValue()).toList()));
        }
        if (!e.claims().isEmpty()) {
            out.println("  claims: " + e.claims().size() + " (lab run " + e.name() + " --check)");
        }
        out.println("  run settings:");
        List<List<String>> run = new ArrayList<>();
        run.add(List.of("key", "default", "meaning"));
        for (SettingKey<?> k : RuntimeSettings.SCHEMA.keys()) {
            run.add(List.of(k.name(), k.shownDefault(), k.meaning()));
        }
        table(out, run);
    }

    /** "lstm", or "bag-of-words (tokenizer=bag-of-words, cell=dense)" when the label is not the one value. */
    private static String shown(Alternative a) {
        if (a.settings().size() == 1 && a.settings().values().iterator().next().equals(a.label())) {
            return a.label();
        }
        return a.label() + " (" + String.join(", ", a.settings().entrySet().stream()
                .map(s -> s.getKey() + "=" + s.getValue()).sorted().toList()) + ")";
    }

    /**
     * Meanings by the key as an experiment writes it: the run-level keys, then the keys of the components
     * the experiment names (its fixed ids, else the first alternative, else the default), prefixed by kind
     * where the runtime prefixes them ({@code cell.forget_bias}).
     */
    private static Map<String, String> meanings(Experiment e, ComponentRegistry registry) {
        Map<String, String> m = new LinkedHashMap<>();
        RuntimeSettings.SCHEMA.keys().forEach(k -> m.put(k.name(), k.meaning()));
        for (SettingKey<String> kindKey : RuntimeSettings.components()) {
            String id = e.settings().get(kindKey.name());
            for (Axis a : e.axes()) {
                if (id == null && !a.alternatives().isEmpty()) {
                    id = a.alternatives().getFirst().settings().get(kindKey.name());
                }
            }
            if (id == null) {
                id = kindKey.defaultValue().getOrNull();
            }
            if (id == null) {
                continue;
            }
            Component c;
            try {
                c = registry.get(kindKey.type().component().get(), id);
            } catch (RnnlabException missing) {
                continue; // described without that component's meanings; lab run names the problem
            }
            boolean topLevel = RuntimeSettings.TOP_LEVEL.contains(kindKey);
            for (SettingKey<?> k : c.settings().keys()) {
                m.putIfAbsent(topLevel ? k.name() : kindKey.name() + "." + k.name(), k.meaning());
            }
        }
        // the task is chosen once the dataset is loaded: any task's meaning of a key is the best guess before that
        for (Component task : registry.all(ComponentKind.TASK)) {
            task.settings().keys().forEach(k -> m.putIfAbsent(k.name(), k.meaning()));
        }
        return m;
    }

    static void table(PrintWriter out, List<List<String>> rows) {
        int[] width = new int[rows.getFirst().size() - 1];
        rows.forEach(r -> {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder("    ");
            for (int i = 0; i < width.length; i++) {
                line.append(PluginsCommand.pad(r.get(i), width[i])).append("  ");
            }
            out.println((line + r.getLast()).stripTrailing());
        }
    }
}
