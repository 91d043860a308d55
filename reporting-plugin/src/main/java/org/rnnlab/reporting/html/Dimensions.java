package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * The settings along which an experiment's variants differ (besides the seed): what curves are
 * coloured and grouped by. {@code cell} and {@code tokenizer} come first, as the questions most
 * experiments ask.
 */
public final class Dimensions {
    private Dimensions() {}

    public static List<String> of(ExperimentRecord experiment) {
        Set<String> keys = new TreeSet<>();
        experiment.variants().forEach(v -> keys.addAll(v.settingsWithoutSeed().keySet()));
        List<String> varying = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new HashSet<>();
            for (VariantRecord v : experiment.variants()) {
                values.add(v.settings().getOrDefault(key, ""));
            }
            if (values.size() > 1) {
                varying.add(key);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String first : List.of("cell", "tokenizer")) {
            if (varying.remove(first)) {
                ordered.add(first);
            }
        }
        ordered.addAll(varying);
        return ordered;
    }

    /** "cell=lstm, tokenizer=character", or the variant's name when nothing varies. */
    public static String label(VariantRecord v, List<String> dimensions) {
        return String.join(", ", pairs(v, dimensions));
    }

    /**
     * The variant's values of the varied settings as "key=value", leaving out the settings it has no value for
     * (a fixed window's width beside a recurrent cell's variants); its name when that leaves nothing.
     */
    public static List<String> pairs(VariantRecord v, List<String> dimensions) {
        List<String> pairs = dimensions.stream().filter(d -> !v.settings().getOrDefault(d, "").isEmpty())
                .map(d -> d + "=" + v.settings().get(d)).toList();
        return pairs.isEmpty() ? List.of(v.name()) : pairs;
    }
}
