package org.rnnlab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;

/**
 * The datasets of one experiment, each loaded once per distinct id, {@code dataset.*} options and seed
 * (the seed fixes a provider's splits), however many variants and threads ask for it; a load that fails
 * fails alike for every variant that needs it. What was loaded gives {@code experiment.json} its
 * {@code data} entries and {@code dataHashes}.
 */
final class DatasetCache {
    /** The setting that names a variant's dataset; its options are the settings under {@code dataset.}. */
    static final String DATASET_SETTING = "dataset";

    private record Key(String id, Map<String, String> options, long seed) {}

    private final ComponentRegistry registry;
    private final Map<Key, FutureTask<Dataset>> loads = new ConcurrentHashMap<>();

    DatasetCache(ComponentRegistry registry) {
        this.registry = registry;
    }

    /** The dataset a variant's settings name, loaded with its seed; a ConfigException if none is named. */
    Dataset of(Settings settings, long seed) {
        if (!settings.has(DATASET_SETTING)) {
            throw new org.rnnlab.api.ConfigException("setting '" + DATASET_SETTING + "' is required");
        }
        return load(key(settings, seed));
    }

    /**
     * One entry per distinct dataset and seed among the variants, in variant order: its id, options, seed
     * and the provenance its provider reports, or why it could not be loaded.
     */
    List<Map<String, Object>> provenance(List<Variant> variants) {
        Map<Key, Boolean> distinct = new LinkedHashMap<>();
        for (Variant v : variants) {
            if (v.settings().has(DATASET_SETTING)) {
                distinct.putIfAbsent(key(v.settings(), v.seed()), true);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Key k : distinct.keySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dataset", k.id());
            entry.put("options", k.options());
            entry.put("seed", k.seed());
            try {
                entry.put("provenance", load(k).provenance());
            } catch (RuntimeException | LinkageError e) {
                // the variants meet the same problem and report it as their failure; here it is only recorded
                entry.put("unavailable", ErrorText.of(e));
            }
            out.add(entry);
        }
        return out;
    }

    /**
     * The SHA-256 of every source file among the loaded datasets' provenance ({@code sha256.<file>}
     * entries), as {@code file -> sha256:<hex>}; generated datasets read no file and add nothing.
     */
    Map<String, String> dataHashes() {
        Map<String, String> hashes = new TreeMap<>();
        for (FutureTask<Dataset> f : loads.values()) {
            Dataset d;
            try {
                d = f.get();
            } catch (ExecutionException | InterruptedException e) {
                continue;
            }
            d.provenance().forEach((k, v) -> {
                if (k.startsWith("sha256.")) {
                    hashes.put(k.substring("sha256.".length()), "sha256:" + v);
                }
            });
        }
        return hashes;
    }

    private static Key key(Settings settings, long seed) {
        return new Key(settings.string(DATASET_SETTING), new TreeMap<>(settings.under(DATASET_SETTING)), seed);
    }

    private Dataset load(Key k) {
        FutureTask<Dataset> task = new FutureTask<>(() -> registry.get(ComponentKind.DATASET, k.id())
                .load(Settings.of(k.options()), k.seed()));
        FutureTask<Dataset> existing = loads.putIfAbsent(k, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RnnlabException("interrupted while loading dataset '" + k.id() + "'", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new RnnlabException("cannot load dataset '" + k.id() + "': " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }
}
