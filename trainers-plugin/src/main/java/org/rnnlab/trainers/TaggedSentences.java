package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnlab.model.ModelBatch;

/**
 * A tagger's predictions regrouped into sentences: {@link org.rnnlab.model.SequenceModel#evaluate}
 * gives the real steps of a time-major batch in row order ({@code t * B + b}), which this puts back per
 * sequence so that entity spans can be read ({@link TagScores}).
 */
final class TaggedSentences {
    private final List<int[]> actual = new ArrayList<>();
    private final List<int[]> predicted = new ArrayList<>();

    /** Adds the sequences of one evaluated batch; {@code actual} and {@code predicted} over its real rows in order. */
    void add(ModelBatch batch, int[] actualRows, int[] predictedRows) {
        int b = batch.batchSize();
        float[] mask = batch.input().mask();
        int[] length = new int[b];
        for (int r = 0; r < mask.length; r++) {
            if (mask[r] != 0) {
                length[r % b]++;
            }
        }
        int[][] a = new int[b][];
        int[][] p = new int[b][];
        for (int s = 0; s < b; s++) {
            a[s] = new int[length[s]];
            p[s] = new int[length[s]];
        }
        int[] filled = new int[b];
        int n = 0;
        for (int r = 0; r < mask.length; r++) {
            if (mask[r] != 0) {
                int s = r % b;
                a[s][filled[s]] = actualRows[n];
                p[s][filled[s]++] = predictedRows[n++];
            }
        }
        if (n != actualRows.length) {
            throw new IllegalStateException(actualRows.length + " predictions for " + n + " real steps");
        }
        actual.addAll(List.of(a));
        predicted.addAll(List.of(p));
    }

    TagScores scores(List<String> tags) {
        return TagScores.of(tags, actual.toArray(int[][]::new), predicted.toArray(int[][]::new));
    }

    /**
     * The tagging metrics under {@code prefix}: {@code span_f1}, {@code span_precision}, {@code span_recall}
     * for BIO tags, and {@code f1.<tag>} for every tag (characters other than letters, digits, {@code -} and
     * {@code _} in a tag become {@code _}, so the name stays one CSV column).
     */
    static void putMetrics(TagScores scores, String prefix, Map<String, Double> metrics) {
        if (scores.spans() != null) {
            metrics.put(prefix + ".span_f1", scores.spans().f1());
            metrics.put(prefix + ".span_precision", scores.spans().overall().precision());
            metrics.put(prefix + ".span_recall", scores.spans().overall().recall());
        }
        for (TagScores.TagFigures f : scores.perTag()) {
            metrics.put(prefix + ".f1." + f.tag().replaceAll("[^A-Za-z0-9_-]", "_"), f.f1());
        }
    }
}
