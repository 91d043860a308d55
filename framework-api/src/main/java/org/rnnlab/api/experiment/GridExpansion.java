package org.rnnlab.api.experiment;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

/** Expands an experiment and a {@link GridRequest} into named variants (the product of axes and seeds). */
final class GridExpansion {
    private static final Map<String, String> PLURALS = Map.of("cells", "cell", "tokenizers", "tokenizer",
            "datasets", "dataset", "optimizers", "optimizer");

    private final Experiment experiment;
    private final GridRequest request;

    GridExpansion(Experiment experiment, GridRequest request) {
        this.experiment = experiment;
        this.request = request;
    }

    Validation<Seq<String>, List<Variant>> expand() {
        List<String> problems = new ArrayList<>();
        Map<String, String> base = new TreeMap<>(experiment.settings());
        if (request.quick()) {
            base.putAll(experiment.quick());
        }
        List<Axis> axes = new ArrayList<>(experiment.axes());
        Map<String, String> overrides = new LinkedHashMap<>();
        request.overrides().forEach((rawKey, value) -> {
            String key = PLURALS.getOrDefault(rawKey, rawKey);
            int axis = indexOfAxis(axes, key);
            boolean list = value.contains(",");
            if (axis >= 0 || list) {
                List<Alternative> alts = new ArrayList<>();
                for (String v : value.split(",")) {
                    String t = v.trim();
                    if (t.isEmpty()) {
                        problems.add("setting '" + rawKey + "' has an empty value in '" + value + "'");
                    } else {
                        alts.add(Alternative.ofSetting(key, t));
                    }
                }
                if (!alts.isEmpty()) {
                    if (axis >= 0) {
                        axes.set(axis, new Axis(key, alts));
                    } else {
                        axes.add(new Axis(key, alts));
                    }
                }
            } else {
                overrides.put(key, value);
            }
        });
        List<Long> seeds = request.seeds()
                .map(n -> LongStream.rangeClosed(1, n).boxed().toList())
                .orElse(experiment.seeds());
        if (request.seeds().isPresent() && request.seeds().get() < 1) {
            problems.add("--seeds must be at least 1 but was " + request.seeds().get());
        }
        if (!problems.isEmpty()) {
            return Validation.invalid(Vector.ofAll(problems));
        }

        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<List<Alternative>> combos = product(axes);
        for (List<Alternative> combo : combos) {
            for (long seed : seeds) {
                Map<String, String> s = new TreeMap<>(base);
                List<String> labels = new ArrayList<>();
                for (Alternative a : combo) {
                    s.putAll(a.settings());
                    labels.add(a.label());
                }
                s.putAll(overrides);
                labels.add("s" + seed);
                String name = FileNames.safe(String.join("_", labels));
                String unique = name;
                for (int i = 2; !names.add(unique); i++) {
                    unique = name + "-" + i;
                }
                variants.add(new Variant(unique, new Settings(s), seed));
            }
        }
        return Validation.valid(List.copyOf(variants));
    }

    private static int indexOfAxis(List<Axis> axes, String key) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).name().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<Alternative>> product(List<Axis> axes) {
        List<List<Alternative>> out = new ArrayList<>();
        out.add(List.of());
        for (Axis axis : axes) {
            List<List<Alternative>> next = new ArrayList<>();
            for (List<Alternative> prefix : out) {
                for (Alternative a : axis.alternatives()) {
                    List<Alternative> l = new ArrayList<>(prefix);
                    l.add(a);
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }
}
