package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.Metric;
import org.rnnlab.api.experiment.Settings;

/**
 * The settings a trainer reads, checked together so that every problem is reported at once:
 * {@code dataset}, {@code tokenizer}, {@code cell}, {@code hidden}, {@code layers}, {@code embedding},
 * {@code optimizer}, {@code lr}, {@code schedule}, {@code epochs}, {@code batch}, {@code clip},
 * {@code clip.value}, {@code early_stopping.patience}, {@code early_stopping.metric}, {@code samples},
 * {@code sample_length}, {@code temperature}, {@code top_k}, {@code prefix}, {@code fused},
 * {@code tbptt.k}; components read their own {@code dataset.*}, {@code tokenizer.*}, {@code cell.*},
 * {@code optimizer.*} and {@code schedule.*}.
 */
record RunSettings(String dataset, String tokenizer, String cell, int hidden, int layers, int embedding,
                   String optimizer, int epochs, int batch, double clip, double clipValue, int patience,
                   String stoppingMetric, int samples, int sampleLength, double temperature, int topK, String prefix,
                   boolean fused, int truncation) {

    static RunSettings of(Settings s, boolean truncated) {
        List<String> problems = new ArrayList<>();
        Integer hidden = read(problems, () -> s.integer("hidden", 64));
        Integer layers = read(problems, () -> s.integer("layers", 1));
        Integer embedding = read(problems, () -> s.integer("embedding", 32));
        Integer epochs = read(problems, () -> s.integer("epochs", 10));
        Integer batch = read(problems, () -> s.integer("batch", 32));
        Double clip = read(problems, () -> s.real("clip", 0));
        Double clipValue = read(problems, () -> s.real("clip.value", 0));
        Integer patience = read(problems, () -> s.integer("early_stopping.patience", 0));
        Integer samples = read(problems, () -> s.integer("samples", 5));
        Integer sampleLength = read(problems, () -> s.integer("sample_length", 200));
        Double temperature = read(problems, () -> s.real("temperature", 1.0));
        Integer topK = read(problems, () -> s.integer("top_k", 0));
        Boolean fused = read(problems, () -> s.flag("fused", true));
        Integer k = read(problems, () -> s.integer("tbptt.k", 20));
        if (!s.has("dataset")) {
            problems.add("setting 'dataset' is required");
        }
        positive(problems, "hidden", hidden);
        positive(problems, "layers", layers);
        positive(problems, "epochs", epochs);
        positive(problems, "batch", batch);
        positive(problems, "sample_length", sampleLength);
        if (truncated) {
            positive(problems, "tbptt.k", k);
        }
        nonNegative(problems, "embedding", embedding);
        nonNegative(problems, "clip", clip);
        nonNegative(problems, "clip.value", clipValue);
        nonNegative(problems, "early_stopping.patience", patience);
        nonNegative(problems, "samples", samples);
        nonNegative(problems, "top_k", topK);
        if (!(temperature > 0)) {
            problems.add("setting 'temperature' must be positive but was " + temperature);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RunSettings(s.string("dataset"), s.string("tokenizer", "character"), s.string("cell", "lstm"), hidden,
                layers, embedding, s.string("optimizer", "adam"), epochs, batch, clip, clipValue, patience,
                s.string("early_stopping.metric", "val.loss"), samples, sampleLength, temperature, topK,
                s.string("prefix", ""), fused, truncated ? k : Integer.MAX_VALUE);
    }

    /** The options of a component: the settings under {@code prefix.} without it. */
    static Settings under(Settings s, String prefix) {
        Map<String, String> m = s.under(prefix);
        return Settings.of(m);
    }

    /** Whether a larger value of the stopping metric is better (accuracy, F1) rather than smaller (loss). */
    boolean higherIsBetter() {
        return Metric.of(stoppingMetric).higherIsBetter();
    }

    private static <T> T read(List<String> problems, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static void positive(List<String> problems, String key, Number value) {
        if (value != null && value.doubleValue() <= 0) {
            problems.add("setting '" + key + "' must be positive but was " + value);
        }
    }

    private static void nonNegative(List<String> problems, String key, Number value) {
        if (value != null && value.doubleValue() < 0) {
            problems.add("setting '" + key + "' must not be negative but was " + value);
        }
    }
}
