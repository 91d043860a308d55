package org.rnnlab.model.embedding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.event.EmbeddingMap;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.WordVectors;

/**
 * The map of a model's word embedding that a report draws ({@link EmbeddingMap}): its {@value #WORDS} most
 * frequent words (rnnlab's special tokens left out) placed by {@link PlaneProjection#principalComponents} and
 * {@link PlaneProjection#cosineScaling}, and {@value #PROBES} probe words with their {@value #NEIGHBOURS}
 * nearest neighbours by cosine among all of the table's words ({@link WordSimilarity}). {@link #publish} puts
 * it on the bus once at the end of a variant for a model that has a word embedding
 * ({@link TaskModel#wordEmbedding()}): the trainer {@code bptt} calls it for every model after saving it, and
 * a task with a trainer of its own calls it the same way. Deterministic: the same table gives the same map.
 */
public final class WordMaps {
    /** How many words a map places: enough to see groups, few enough to read and to keep the event log small. */
    public static final int WORDS = 200;
    /** How many probe words a map marks when the model names none. */
    public static final int PROBES = 5;
    /** How many neighbours each probe lists. */
    public static final int NEIGHBOURS = 6;

    private WordMaps() {}

    /** Publishes the map of {@code model}'s word embedding, if it has one; nothing otherwise. */
    public static void publish(EventBus bus, String experiment, String variant, TaskModel model) {
        model.wordEmbedding().ifPresent(w -> bus.publish(of(experiment, variant, w)));
    }

    /** The map of {@code model}'s embedding. */
    public static EmbeddingMap of(String experiment, String variant, WordEmbedding model) {
        WordVectors vectors = vectors(model);
        List<String> words = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < vectors.words().size() && words.size() < WORDS; i++) {
            if (!Vocabulary.SPECIALS.contains(vectors.words().get(i))) {
                words.add(vectors.words().get(i));
                rows.add(i);
            }
        }
        double[][] points = new double[words.size()][];
        for (int i = 0; i < points.length; i++) {
            float[] v = vectors.vector(rows.get(i));
            points[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                points[i][j] = v[j];
            }
        }
        List<EmbeddingMap.Projection> projections = List.of(
                projection("pca", "the two directions along which the vectors vary most (principal components)",
                        PlaneProjection.principalComponents(points)),
                projection("cosine-mds", "classical scaling of the cosine distances: words placed by angle only, as"
                        + " nearest neighbours are found", PlaneProjection.cosineScaling(points)));
        WordSimilarity similarity = new WordSimilarity(vectors, "the model's embedding");
        List<EmbeddingMap.Probe> probes = new ArrayList<>();
        for (String probe : probes(model.probeWords(), words, similarity)) {
            probes.add(new EmbeddingMap.Probe(probe, similarity.neighbours(probe, NEIGHBOURS).stream()
                    .map(s -> new EmbeddingMap.Neighbour(s.word(), (float) s.cosine())).toList()));
        }
        return new EmbeddingMap(experiment, variant, model.tableName(), words, projections, probes);
    }

    /** The model's table as word vectors (a copy), one per row in its order. */
    public static WordVectors vectors(WordEmbedding model) {
        Tensor t = model.embeddingTable();
        return new WordVectors(model.embeddingWords(), t.toArray(), t.rowSize());
    }

    /**
     * The model's probe words that it knows, else {@value #PROBES} of the mapped words spread over their
     * frequency ranks (the most frequent are mostly function words, whose neighbours say little).
     */
    static List<String> probes(List<String> named, List<String> words, WordSimilarity similarity) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : named) {
            if (similarity.contains(w) && !Vocabulary.SPECIALS.contains(w)) {
                out.add(w);
            }
        }
        if (out.isEmpty() && words.size() > 1) {
            for (int k = 1; k <= PROBES && k < words.size(); k++) {
                out.add(words.get(k * words.size() / (PROBES + 1)));
            }
        }
        return List.copyOf(out);
    }

    private static EmbeddingMap.Projection projection(String method, String explanation, double[][] xy) {
        List<Double> x = new ArrayList<>(xy.length);
        List<Double> y = new ArrayList<>(xy.length);
        for (double[] p : xy) {
            // float precision is all a map needs, and keeps the event log short
            x.add((double) (float) p[0]);
            y.add((double) (float) p[1]);
        }
        return new EmbeddingMap.Projection(method, explanation, x, y);
    }
}
