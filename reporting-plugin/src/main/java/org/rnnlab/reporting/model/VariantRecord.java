package org.rnnlab.reporting.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.event.BestEpoch;

/**
 * Everything a report shows about one variant's run; {@code attention} holds a sequence-to-sequence
 * model's attention maps per epoch. {@code note} says why a run ended early (the
 * divergence reason or the error message) and is empty otherwise; {@code endedEpoch} and
 * {@code endedStep} locate a divergence and are -1 when unknown; {@code best} is the epoch the run counts as its
 * best and the metric that chose it. {@code excerpts} are real examples of its data to show beside its samples,
 * one per split, in the order they were published. {@code embedding} is its word embedding's import and maps.
 */
public record VariantRecord(String name, Map<String, String> settings, long seed, int epochsPlanned,
                            VariantStatus status, List<EpochRecord> epochs, List<GradientRecord> gradients,
                            List<ConfusionRecord> evaluations, List<SampleRecord> samples, List<AttentionRecord> attention,
                            Map<String, Double> finalMetrics, Map<String, Double> bestMetrics,
                            long wallMillis, String note, int endedEpoch, long endedStep, BestEpoch best,
                            List<ExcerptRecord> excerpts, EmbeddingRecord embedding) {
    public VariantRecord {
        best = best == null ? BestEpoch.NONE : best;
        embedding = embedding == null ? EmbeddingRecord.NONE : embedding;
        excerpts = List.copyOf(excerpts);
        settings = sorted(settings);
        epochs = List.copyOf(epochs);
        gradients = List.copyOf(gradients);
        evaluations = List.copyOf(evaluations);
        samples = List.copyOf(samples);
        attention = List.copyOf(attention);
        finalMetrics = sorted(finalMetrics);
        bestMetrics = sorted(bestMetrics);
    }

    /** A record of a run without a word embedding to show. */
    public VariantRecord(String name, Map<String, String> settings, long seed, int epochsPlanned,
                         VariantStatus status, List<EpochRecord> epochs, List<GradientRecord> gradients,
                         List<ConfusionRecord> evaluations, List<SampleRecord> samples, List<AttentionRecord> attention,
                         Map<String, Double> finalMetrics, Map<String, Double> bestMetrics,
                         long wallMillis, String note, int endedEpoch, long endedStep, BestEpoch best,
                         List<ExcerptRecord> excerpts) {
        this(name, settings, seed, epochsPlanned, status, epochs, gradients, evaluations, samples, attention, finalMetrics,
                bestMetrics, wallMillis, note, endedEpoch, endedStep, best, excerpts, EmbeddingRecord.NONE);
    }

    /** A record of a run without excerpts of its data: what every run but a music one records. */
    public VariantRecord(String name, Map<String, String> settings, long seed, int epochsPlanned,
                         VariantStatus status, List<EpochRecord> epochs, List<GradientRecord> gradients,
                         List<ConfusionRecord> evaluations, List<SampleRecord> samples, List<AttentionRecord> attention,
                         Map<String, Double> finalMetrics, Map<String, Double> bestMetrics,
                         long wallMillis, String note, int endedEpoch, long endedStep, BestEpoch best) {
        this(name, settings, seed, epochsPlanned, status, epochs, gradients, evaluations, samples, attention, finalMetrics,
                bestMetrics, wallMillis, note, endedEpoch, endedStep, best, List.of());
    }

    /** A record of a run with no attention maps that names no best epoch. */
    public VariantRecord(String name, Map<String, String> settings, long seed, int epochsPlanned, VariantStatus status,
                         List<EpochRecord> epochs, List<GradientRecord> gradients, List<ConfusionRecord> evaluations,
                         List<SampleRecord> samples, Map<String, Double> finalMetrics, Map<String, Double> bestMetrics,
                         long wallMillis, String note, int endedEpoch, long endedStep) {
        this(name, settings, seed, epochsPlanned, status, epochs, gradients, evaluations, samples, List.of(), finalMetrics,
                bestMetrics, wallMillis, note, endedEpoch, endedStep, BestEpoch.NONE);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The settings a variant shares with its other seeds: every setting except {@code seed}. */
    public Map<String, String> settingsWithoutSeed() {
        TreeMap<String, String> m = new TreeMap<>(settings);
        m.remove("seed");
        return Collections.unmodifiableSortedMap(m);
    }
}
