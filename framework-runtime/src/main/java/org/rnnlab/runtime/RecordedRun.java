package org.rnnlab.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;

/**
 * A run directory as its {@code experiment.json} describes it: the experiment, what the user asked for,
 * and each variant with the settings, seed and folder it was run with and, if it ended, how. This is what
 * {@link ExperimentRunner#resume} continues: the settings come from here, never from the experiment's
 * current definition.
 *
 * @param directory the run directory (absolute, normalised)
 * @param variants  in the order the run listed them
 */
public record RecordedRun(Path directory, String experiment, String description, String lesson,
                          Map<String, String> request, List<Entry> variants) {
    public RecordedRun {
        request = Map.copyOf(request);
        variants = List.copyOf(variants);
    }

    /**
     * One variant of the run.
     *
     * @param folder the variant's folder name inside the run directory
     * @param status how it ended, empty if it never did (stopped, killed)
     */
    public record Entry(Variant variant, String folder, Optional<RunStatus> status) {
        /** Whether its result stands and a resumed run leaves it alone (completed, stopped early, diverged). */
        public boolean finished() {
            return status.isPresent() && status.get() != RunStatus.FAILED;
        }
    }

    /** Reads {@code directory/experiment.json}; a folder that is not a run directory is a clear error. */
    public static RecordedRun read(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RnnlabException("run directory not found: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(ExperimentJson.FILE))) {
            throw new RnnlabException(dir + " is not a run directory: it has no " + ExperimentJson.FILE);
        }
        Map<String, Object> root;
        try {
            root = ExperimentJson.read(dir).root();
        } catch (RuntimeException e) {
            throw new RnnlabException(dir.resolve(ExperimentJson.FILE) + " cannot be read: " + ErrorText.of(e), e);
        }
        if (!(root.get("experiment") instanceof String name) || !(root.get("variants") instanceof List<?> list)) {
            throw new RnnlabException(dir.resolve(ExperimentJson.FILE) + " is not the record of a run (no 'experiment' or 'variants')");
        }
        Map<String, String> status = strings(root.get("status"));
        List<Entry> entries = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String variant)
                    || !(m.get("directory") instanceof String folder) || !(m.get("seed") instanceof Number seed)) {
                throw new RnnlabException(dir.resolve(ExperimentJson.FILE) + ": a variant lacks its name, directory or seed: " + o);
            }
            Optional<RunStatus> ended = Optional.ofNullable(status.get(variant)).map(RunStatus::valueOf);
            entries.add(new Entry(new Variant(variant, Settings.of(strings(m.get("settings"))), seed.longValue()),
                    folder, ended));
        }
        return new RecordedRun(dir, name, text(root.get("description")), text(root.get("lesson")),
                strings(root.get("request")), entries);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> m = new TreeMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(k.toString(), v == null ? "" : v.toString()));
        }
        return m;
    }

    /** The plan this run was made from (without data hashes, which the first run recorded). */
    ExperimentPlan plan() {
        return new ExperimentPlan(experiment, description, lesson, variants.stream().map(Entry::variant).toList(),
                new LinkedHashMap<>(request), Map.of());
    }
}
