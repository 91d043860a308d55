package org.rnnlab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;

/**
 * Where an experiment's data came from: for each distinct dataset (id and {@code dataset.*} options)
 * among the variants, the provenance its provider reports (source files and their SHA-256, split sizes).
 * Providers are deterministic, so loading once more with the first variant's seed gives what the
 * trainers will load.
 */
final class DataProvenance {
    private DataProvenance() {}

    /** One entry per distinct dataset; a dataset that cannot be loaded is recorded with the reason. */
    static List<Map<String, Object>> of(List<Variant> variants, ComponentRegistry registry) {
        Map<String, Variant> distinct = new LinkedHashMap<>();
        for (Variant v : variants) {
            Settings s = v.settings();
            if (s.has("dataset")) {
                distinct.putIfAbsent(s.string("dataset") + " " + new TreeMap<>(s.under("dataset")), v);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Variant v : distinct.values()) {
            String id = v.settings().string("dataset");
            Map<String, String> options = new TreeMap<>(v.settings().under("dataset"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dataset", id);
            entry.put("options", options);
            try {
                DatasetProvider provider = registry.get(ComponentKind.DATASET, id);
                Dataset d = provider.load(Settings.of(options), v.seed());
                entry.put("provenance", d.provenance());
            } catch (RuntimeException | LinkageError e) {
                // the trainers meet the same problem and report it per variant; here it is only recorded
                entry.put("unavailable", ErrorText.of(e));
            }
            out.add(entry);
        }
        return out;
    }
}
