package org.rnnlab.datasets;

import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.experiment.Settings;

/** The provenance map of a dataset: sources and their hashes, options, seed and split sizes. */
final class Provenance {
    private final Map<String, String> entries = new TreeMap<>();

    Provenance(Settings options, long seed) {
        entries.put("seed", Long.toString(seed));
        options.values().forEach((k, v) -> entries.put("option." + k, v));
    }

    /** Records a file: {@code source} lists the files read, {@code sha256.<file>} the hash of each. */
    Provenance source(SourceText source) {
        entries.merge("source", source.name(), (a, b) -> a + ", " + b);
        entries.put("sha256." + source.name(), source.sha256());
        return this;
    }

    Provenance put(String key, String value) {
        entries.put(key, value);
        return this;
    }

    Map<String, String> with(Splits splits) {
        Map<String, String> out = new TreeMap<>(entries);
        out.put("train.size", Integer.toString(splits.train().size()));
        out.put("validation.size", Integer.toString(splits.validation().size()));
        out.put("test.size", Integer.toString(splits.test().size()));
        return out;
    }
}
