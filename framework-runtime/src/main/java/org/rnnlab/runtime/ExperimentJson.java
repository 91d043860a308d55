package org.rnnlab.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Variant;

/**
 * {@code experiment.json}: the definition of a run (variants with their settings, seeds and folders,
 * overrides) and its provenance. Written when the run starts and again, with each variant's status,
 * when it ends; each write replaces the file atomically so a reader never sees half of it.
 */
final class ExperimentJson {
    static final String FILE = "experiment.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root;

    private ExperimentJson(Map<String, Object> root) {
        this.root = root;
    }

    /** The file an earlier run left in {@code runDirectory}, to be updated by a resumed run. */
    @SuppressWarnings("unchecked")
    static ExperimentJson read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        try {
            return new ExperimentJson(JSON.readValue(file.toFile(), LinkedHashMap.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The raw content, for {@link RecordedRun}. */
    Map<String, Object> root() {
        return root;
    }

    /**
     * @param data       one entry per distinct dataset and seed ({@link DatasetCache#provenance})
     * @param dataHashes source files and their hashes ({@code file -> sha256:<hex>})
     */
    ExperimentJson(ExperimentPlan plan, List<Variant> resolved, List<String> folders, RunOptions options,
                   Map<String, String> provenance, List<Map<String, Object>> data, Map<String, String> dataHashes,
                   ComponentRegistry registry) {
        root = new LinkedHashMap<>();
        root.put("experiment", plan.name());
        root.put("description", plan.description());
        root.put("lesson", plan.lesson());
        root.put("threads", options.threads());
        root.put("request", new TreeMap<>(plan.request()));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            Variant v = resolved.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("directory", folders.get(i));
            m.put("seed", v.seed());
            m.put("settings", new TreeMap<>(v.settings().values()));
            variants.add(m);
        }
        root.put("variants", variants);
        root.put("seeds", resolved.stream().map(Variant::seed).distinct().sorted().toList());
        root.put("dataHashes", new TreeMap<>(dataHashes));
        root.put("data", data);
        root.put("provenance", provenance);
        if (registry instanceof PluginRegistry plugins) {
            root.put("plugins", plugins.plugins().stream().filter(PluginEntry::loaded).map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("version", p.version());
                m.put("loadedFrom", p.source().loadedFrom());
                return m;
            }).toList());
        }
    }

    synchronized void completed(Map<String, RunStatus> status, Map<String, String> failures, long wallMillis) {
        root.put("wallMillis", wallMillis);
        status.forEach((v, s) -> ended(v, s, failures.get(v)));
    }

    /**
     * Records how one variant ended as soon as it does, so that a run stopped later (even by SIGKILL)
     * still says which variants finished: {@code lab run --resume} keeps those.
     */
    @SuppressWarnings("unchecked")
    synchronized void ended(String variant, RunStatus status, String failure) {
        ((Map<String, Object>) root.computeIfAbsent("status", k -> new TreeMap<>())).put(variant, status.name());
        Map<String, Object> failures = (Map<String, Object>) root.computeIfAbsent("failures", k -> new TreeMap<>());
        if (failure != null) {
            failures.put(variant, failure);
        } else {
            failures.remove(variant);
        }
        if (failures.isEmpty()) {
            root.remove("failures");
        }
    }

    /** Notes that the run was resumed, with the provenance of the resuming process. */
    @SuppressWarnings("unchecked")
    synchronized void resumed(Map<String, String> provenance, int threads) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("threads", threads);
        entry.put("provenance", provenance);
        ((List<Object>) root.computeIfAbsent("resumes", k -> new ArrayList<>())).add(entry);
        root.remove("wallMillis");
    }

    synchronized void write(Path runDirectory) {
        Path target = runDirectory.resolve(FILE);
        Path tmp = runDirectory.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // the old file stays whole; no half-written temporary is left
            } catch (IOException ignored) {
                // the folder itself is unwritable: the write's own error says more
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
