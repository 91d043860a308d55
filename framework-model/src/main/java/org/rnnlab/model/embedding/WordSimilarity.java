package org.rnnlab.model.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.model.WordVectors;

/**
 * Similar words in an embedding: nearest neighbours by cosine similarity, and analogies {@code a:b::c:?} by
 * 3CosAdd (Mikolov et al. 2013; Levy and Goldberg 2014): the word {@code d} maximising
 * {@code cos(d, b - a + c)} over unit vectors, {@code a}, {@code b} and {@code c} themselves excluded, as
 * gensim's {@code most_similar(positive=[b, c], negative=[a])} does. rnnlab's special tokens
 * ({@link Vocabulary#SPECIALS}) are never answers. Ties go to the word that comes first in the table.
 * Similarities are computed in double from the float rows.
 */
public final class WordSimilarity {
    /** A word and its cosine similarity to what was asked. */
    public record Similar(String word, double cosine) {}

    private final WordVectors vectors;
    private final double[][] unit;
    private final Map<String, Integer> rows = new HashMap<>();
    private final String source;

    /** Similarity over {@code vectors}; {@code source} names them in messages (a file). */
    public WordSimilarity(WordVectors vectors, String source) {
        this.vectors = vectors;
        this.source = source;
        int n = vectors.words().size();
        int d = vectors.dimension();
        unit = new double[n][d];
        float[] v = vectors.vectors();
        for (int i = 0; i < n; i++) {
            rows.put(vectors.words().get(i), i);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) v[i * d + j] * v[i * d + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                // a zero row (an unseen word's) is similar to nothing
                unit[i][j] = norm == 0 ? 0 : v[i * d + j] / norm;
            }
        }
    }

    /** The {@code k} words most similar to {@code word}, most similar first. */
    public List<Similar> neighbours(String word, int k) {
        int row = row(word);
        return nearest(unit[row], k, Set.of(word));
    }

    /** The {@code k} best answers to {@code a:b::c:?} by 3CosAdd, best first. */
    public List<Similar> analogy(String a, String b, String c, int k) {
        double[] ua = unit[row(a)];
        double[] ub = unit[row(b)];
        double[] uc = unit[row(c)];
        double[] target = new double[ua.length];
        for (int j = 0; j < target.length; j++) {
            target[j] = ub[j] - ua[j] + uc[j];
        }
        return nearest(target, k, new java.util.HashSet<>(java.util.List.of(a, b, c)));
    }

    /** Whether the table has {@code word}. */
    public boolean contains(String word) {
        return rows.containsKey(word);
    }

    private int row(String word) {
        Integer r = rows.get(word);
        if (r == null) {
            throw new RnnlabException("the word '" + word + "' is not among the " + rows.size() + " words of " + source);
        }
        return r;
    }

    private List<Similar> nearest(double[] target, int k, Set<String> excluded) {
        double squares = 0;
        for (double t : target) {
            squares += t * t;
        }
        double length = Math.sqrt(squares);
        List<String> words = vectors.words();
        return TopRows.best(k, TopRows.all(unit.length),
                i -> excluded.contains(words.get(i)) || Vocabulary.SPECIALS.contains(words.get(i)), i -> {
                    double dot = 0;
                    for (int j = 0; j < target.length; j++) {
                        dot += unit[i][j] * target[j];
                    }
                    return length == 0 ? 0 : dot / length;
                }).stream().map(s -> new Similar(words.get(s.row()), s.score())).toList();
    }
}
