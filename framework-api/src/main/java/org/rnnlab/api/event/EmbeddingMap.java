package org.rnnlab.api.event;

import java.util.List;

/**
 * A model's word embedding in two dimensions, for a report's map: the most frequent words of its table, each
 * placed by one or more projections, and a few probe words with their nearest neighbours by cosine among all
 * the table's words. Published once at the end of a variant by a task whose model has a word embedding
 * ({@link org.rnnlab.api.task.WordEmbedding}); a resumed run publishes it again, and the later replaces the earlier.
 *
 * @param table       the embedding's name, e.g. {@code embedding.weight}
 * @param words       the words placed, most frequent first
 * @param projections each with one point per word, in {@code words}' order
 * @param probes      the probe words, each with its neighbours, most similar first
 * @since 0.3
 */
public record EmbeddingMap(String experiment, String variant, String table, List<String> words,
                           List<Projection> projections, List<Probe> probes) implements RunEvent {
    public EmbeddingMap {
        words = List.copyOf(words);
        projections = List.copyOf(projections);
        probes = List.copyOf(probes);
        for (Projection p : projections) {
            if (p.x().size() != words.size()) {
                throw new IllegalArgumentException("projection '" + p.method() + "' places " + p.x().size() + " points for "
                        + words.size() + " words");
            }
        }
    }

    /**
     * One way of placing the words in the plane.
     *
     * @param method      e.g. {@code pca}
     * @param explanation one line a reader needs to read the axes
     * @param x           the first coordinate of each word
     * @param y           the second, as many
     */
    public record Projection(String method, String explanation, List<Double> x, List<Double> y) {
        public Projection {
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(x.size() + " x coordinates but " + y.size() + " y coordinates");
            }
        }
    }

    /** A probe word and its nearest words, most similar first. */
    public record Probe(String word, List<Neighbour> neighbours) {
        public Probe {
            neighbours = List.copyOf(neighbours);
        }
    }

    /** A word and its cosine similarity to the probe. */
    public record Neighbour(String word, double similarity) {}
}
