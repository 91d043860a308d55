package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a tagger did, token by token: accuracy, the confusion matrix of tags (rows the true tag,
 * columns the predicted one) and precision, recall, F1 and support of every tag; and, when the tags are
 * BIO tags, entity spans scored as the CoNLL evaluation ({@code conlleval}) scores them.
 *
 * <p>A tag never predicted has precision 0 (and never present, recall 0): a tagger that ignores a tag
 * gets no credit for it, as in {@code conlleval} and scikit-learn's {@code zero_division=0}.
 *
 * @param tags the tag names; tag id {@code i} is {@code tags.get(i)}
 * @param confusion {@code confusion[true][predicted]} token counts
 * @param perTag one row per tag, in {@code tags} order
 * @param spans the span scores, or null when the tags are not all BIO tags
 */
public record TagScores(List<String> tags, long[][] confusion, List<TagFigures> perTag, SpanScores spans) {

    public TagScores {
        tags = List.copyOf(tags);
        perTag = List.copyOf(perTag);
    }

    /** One tag's figures over tokens. */
    public record TagFigures(String tag, double precision, double recall, double f1, long support) {}

    /**
     * Scores of sentences of predicted tags against the true ones (tag ids into {@code tags}); sentence
     * {@code s} has {@code actual[s].length == predicted[s].length} tokens.
     */
    public static TagScores of(List<String> tags, int[][] actual, int[][] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " true sentences but " + predicted.length + " predicted");
        }
        int k = tags.size();
        long[][] confusion = new long[k][k];
        for (int s = 0; s < actual.length; s++) {
            if (actual[s].length != predicted[s].length) {
                throw new IllegalArgumentException("sentence " + s + " has " + actual[s].length + " true tags but "
                        + predicted[s].length + " predicted");
            }
            for (int i = 0; i < actual[s].length; i++) {
                confusion[actual[s][i]][predicted[s][i]]++;
            }
        }
        List<TagFigures> perTag = new ArrayList<>(k);
        for (int t = 0; t < k; t++) {
            long correct = confusion[t][t];
            long support = 0;
            long predictedAs = 0;
            for (int o = 0; o < k; o++) {
                support += confusion[t][o];
                predictedAs += confusion[o][t];
            }
            perTag.add(figures(tags.get(t), correct, predictedAs, support));
        }
        SpanScores spans = BioSpans.isBio(tags) ? SpanScores.of(tags, actual, predicted) : null;
        return new TagScores(tags, confusion, perTag, spans);
    }

    /** Precision {@code correct / predicted}, recall {@code correct / support}, their harmonic mean; 0 where undefined. */
    static TagFigures figures(String name, long correct, long predicted, long support) {
        double precision = predicted == 0 ? 0 : (double) correct / predicted;
        double recall = support == 0 ? 0 : (double) correct / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TagFigures(name, precision, recall, f1, support);
    }

    /** The figures of one tag by name. */
    public TagFigures tag(String name) {
        int i = tags.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no tag '" + name + "'; tags: " + tags);
        }
        return perTag.get(i);
    }

    /** Correct tokens over all tokens; NaN for none. */
    public double accuracy() {
        long correct = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            correct += confusion[t][t];
            for (long n : confusion[t]) {
                all += n;
            }
        }
        return all == 0 ? Double.NaN : (double) correct / all;
    }

    /** The unweighted mean of the tags' F1 over tags with support or predictions. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < perTag.size(); t++) {
            long predicted = 0;
            for (long[] row : confusion) {
                predicted += row[t];
            }
            if (perTag.get(t).support() > 0 || predicted > 0) {
                sum += perTag.get(t).f1();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
