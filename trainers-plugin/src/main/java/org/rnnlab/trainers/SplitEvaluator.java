package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.data.Batcher;

/**
 * The metrics of a model on one split, named {@code <prefix>.<metric>}: {@code loss} always;
 * {@code accuracy} and {@code f1_macro} (Tribuo) for classification and tagging, and for tagging
 * {@code f1.<tag>} per tag and, with BIO tags, the CoNLL entity scores {@code span_f1},
 * {@code span_precision}, {@code span_recall} ({@link TagScores}); {@code accuracy}
 * (next token), {@code nats_per_token} and {@code perplexity} for language models; {@code mse} for
 * regression. Padded steps are never counted.
 */
final class SplitEvaluator {
    /** Metrics and, for classifiers, the confusion matrix. */
    record Result(Map<String, Double> metrics, ClassificationScores scores) {}

    private SplitEvaluator() {}

    static Result evaluate(SequenceModel model, EncodedData data, String split, String prefix, int batchSize) {
        int[] lengths = data.lengths(split);
        List<Batch> batches = new Batcher(batchSize).sequential(lengths);
        double lossSum = 0;
        long terms = 0;
        double squaredError = 0;
        long values = 0;
        int[] actual = new int[0];
        int[] predicted = new int[0];
        int filled = 0;
        TaggedSentences sentences = data.kind() == TaskKind.SEQUENCE_TAGGING ? new TaggedSentences() : null;
        for (Batch b : batches) {
            ModelBatch mb = data.batch(split, b);
            SequenceModel.Predictions p = model.evaluate(mb, List.of());
            lossSum += p.lossSum();
            terms += p.terms();
            squaredError += p.squaredErrorSum();
            if (mb.targets() instanceof org.rnnlab.model.Targets.SequenceValues v) {
                values += v.values().length;
            }
            if (filled + p.actual().length > actual.length) {
                int size = Math.max(filled + p.actual().length, actual.length * 2);
                actual = java.util.Arrays.copyOf(actual, size);
                predicted = java.util.Arrays.copyOf(predicted, size);
            }
            System.arraycopy(p.actual(), 0, actual, filled, p.actual().length);
            System.arraycopy(p.predicted(), 0, predicted, filled, p.predicted().length);
            filled += p.actual().length;
            if (sentences != null) {
                sentences.add(mb, p.actual(), p.predicted());
            }
        }
        Map<String, Double> m = new TreeMap<>();
        double loss = terms == 0 ? Double.NaN : lossSum / terms;
        m.put(prefix + ".loss", loss);
        ClassificationScores scores = null;
        TaskKind kind = data.kind();
        switch (kind) {
            case LANGUAGE_MODELLING -> {
                m.put(prefix + ".nats_per_token", loss);
                m.put(prefix + ".perplexity", Math.exp(loss));
                m.put(prefix + ".accuracy", accuracy(actual, predicted, filled));
            }
            case SEQUENCE_CLASSIFICATION, SEQUENCE_TAGGING -> {
                scores = ClassificationScores.of(data.dataset().labels(), java.util.Arrays.copyOf(actual, filled),
                        java.util.Arrays.copyOf(predicted, filled));
                m.put(prefix + ".accuracy", scores.accuracy());
                m.put(prefix + ".f1_macro", scores.macroF1());
                if (sentences != null) {
                    TaggedSentences.putMetrics(sentences.scores(data.dataset().labels()), prefix, m);
                }
            }
            case SEQUENCE_REGRESSION -> m.put(prefix + ".mse", values == 0 ? Double.NaN : squaredError / values);
        }
        return new Result(m, scores);
    }

    private static double accuracy(int[] actual, int[] predicted, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += actual[i] == predicted[i] ? 1 : 0;
        }
        return (double) right / n;
    }
}
