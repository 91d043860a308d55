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

    private final Map<String, Object> root = new LinkedHashMap<>();

    ExperimentJson(ExperimentPlan plan, List<Variant> resolved, List<String> folders, RunOptions options,
                   Map<String, String> provenance, ComponentRegistry registry) {
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
        root.put("dataHashes", new TreeMap<>(plan.dataHashes()));
        root.put("data", DataProvenance.of(resolved, registry));
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

    void completed(Map<String, RunStatus> status, Map<String, String> failures, long wallMillis) {
        root.put("wallMillis", wallMillis);
        root.put("status", new TreeMap<>(status));
        if (!failures.isEmpty()) {
            root.put("failures", new TreeMap<>(failures));
        }
    }

    void write(Path runDirectory) {
        Path target = runDirectory.resolve(FILE);
        Path tmp = runDirectory.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
