package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.WordVectors;
import org.rnnlab.model.embedding.CosineNeighbours;
import org.rnnlab.model.embedding.FrequentWordSubsampling;
import org.rnnlab.model.embedding.LinearDecay;
import org.rnnlab.model.embedding.NegativeSampler;
import org.rnnlab.model.embedding.Word2VecSgd;

/**
 * word2vec's two tables, {@code input} (the word vectors) and {@code output} (the context vectors), both
 * {@code [V, E]} over the tokenizer's vocabulary, and their training.
 *
 * <p>Unlike the other task models, this one updates its tables itself: word2vec's stochastic gradient descent
 * one example at a time, with its own linearly decaying rate ({@code word2vec.lr}, {@link LinearDecay} over all
 * epochs' words), <em>is</em> the method, and a step over a dense [V, E] gradient per batch would cost more than
 * the batch. So the gradients the trainer sees stay zero and its optimiser (use {@code sgd}) moves nothing;
 * the trainer still gets each batch's mean loss and number of examples, so epochs, events, checkpoints and
 * the best epoch work as for any task. A run resumed from a checkpoint continues from the saved tables, but the
 * rate and random numbers start again from where a fresh run would be, so it is not bit-identical to an
 * uninterrupted run.
 */
final class Word2VecTaskModel implements TaskModel {
    private final List<String> words;
    private final long[] counts;
    private final Tensor input;
    private final Tensor output;
    private final List<Parameter> parameters;
    private final Word2VecSgd sgd;
    private final LinearDecay decay;
    private final int neighbours;
    private final String probes;
    private long wordsSeen;

    private Word2VecTaskModel(List<String> words, long[] counts, Tensor input, Tensor output, Word2VecSgd sgd,
                              LinearDecay decay, int neighbours, String probes) {
        this.neighbours = neighbours;
        this.probes = probes;
        this.words = List.copyOf(words);
        this.counts = counts;
        this.input = input;
        this.output = output;
        this.parameters = List.of(new Parameter("input", input, Tensor.zeros(input.shape())),
                new Parameter("output", output, Tensor.zeros(output.shape())));
        this.sgd = sgd;
        this.decay = decay;
    }

    /** A model to train: input rows uniform in [-0.5/E, 0.5/E), output rows zero, as the C tool starts. */
    static Word2VecTaskModel create(List<String> words, long[] counts, int dimension, Word2VecSgd.Architecture architecture,
                                    int window, int negatives, double sample, LinearDecay decay, long seed,
                                    int neighbours, String probes) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor input = Tensor.zeros(words.size(), dimension);
        float[] in = input.data();
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) ((random.nextDouble() - 0.5) / dimension);
        }
        Tensor output = Tensor.zeros(words.size(), dimension);
        Word2VecSgd sgd = new Word2VecSgd(architecture, input, output, window, negatives, new NegativeSampler(counts),
                new FrequentWordSubsampling(counts, sample), random.split());
        return new Word2VecTaskModel(words, counts, input, output, sgd, decay, neighbours, probes);
    }

    /** A saved model: its tables can be read and queried, not trained further. */
    static Word2VecTaskModel saved(List<String> words, long[] counts, Tensor input, Tensor output, int neighbours,
                                   String probes) {
        return new Word2VecTaskModel(words, counts, input, output, null, null, neighbours, probes);
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public void load(Map<String, Tensor> values) {
        for (Parameter p : parameters) {
            Tensor v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("no tensor '" + p.name() + "'");
            }
            v.requireShape(p.name(), p.value().shape());
            p.value().copyFrom(v);
        }
    }

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        if (sgd == null) {
            throw new IllegalStateException("a word2vec model read from a file is not trained further");
        }
        int[][] sentences = ((Word2VecData) data).sentences("train");
        sgd.resetTotals();
        for (int i : batch.indices()) {
            read(sentences[i]);
        }
        long steps = sgd.steps();
        update.afterBackward(steps == 0 ? 0 : sgd.lossSum() / steps, (int) steps, null);
    }

    /** One training step over a sentence of kept word ids, at the rate the words read so far decayed it to. */
    void read(int[] sentence) {
        sgd.sentence(sentence, (float) decay.rate(wordsSeen));
        wordsSeen += sentence.length;
    }

    /** The vocabulary, by id. */
    List<String> words() {
        return words;
    }

    /** Training counts by id; 0 for words that got no vector. */
    long[] counts() {
        return counts;
    }

    Tensor input() {
        return input;
    }

    Tensor output() {
        return output;
    }

    /** The ids of the words with a vector (a training count), most frequent first, ties by id. */
    int[] trainedIds() {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                ids.add(id);
            }
        }
        ids.sort((a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The word vectors (input rows) of the trained words, most frequent first, for the word2vec text format. */
    WordVectors vectors() {
        int[] ids = trainedIds();
        int e = input.dim(1);
        float[] values = new float[ids.length * e];
        List<String> names = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(input.data(), ids[i] * e, values, i * e, e);
            names.add(words.get(ids[i]));
        }
        return new WordVectors(names, values, e);
    }

    /** The summed held-out loss of a sentence and its number of examples (see {@link Word2VecSgd#heldOutLoss}). */
    double[] heldOutLoss(int[] sentence, SplittableRandom negatives) {
        if (sgd == null) {
            throw new IllegalStateException("a word2vec model read from a file has no negative sampler to score with");
        }
        return sgd.heldOutLoss(sentence, negatives);
    }

    /** The input table ({@code input}, the vectors word2vec keeps) for {@code lab embeddings} and the report's map. */
    @Override
    public java.util.Optional<WordEmbedding> wordEmbedding() {
        List<String> probeWords = java.util.Arrays.stream(probes(5)).mapToObj(words::get).toList();
        return java.util.Optional.of(new WordEmbedding() {
            @Override
            public String tableName() {
                return "input";
            }

            @Override
            public List<String> embeddingWords() {
                return words;
            }

            @Override
            public Tensor embeddingTable() {
                return input;
            }

            @Override
            public List<String> probeWords() {
                return probeWords;
            }
        });
    }

    /**
     * The ids of up to {@code count} probe words: those of {@code word2vec.probes} that have a vector, else the
     * trained words at frequency ranks 10, 20, 30, ... (the very top are punctuation and function words).
     */
    int[] probes(int count) {
        List<Integer> out = new ArrayList<>();
        if (!probes.isBlank()) {
            for (String p : probes.split(",")) {
                int id = words.indexOf(p.strip());
                if (id >= 0 && counts[id] > 0 && out.size() < count) {
                    out.add(id);
                }
            }
        } else {
            int[] ranked = trainedIds();
            for (int rank = 9; rank < ranked.length && out.size() < count; rank += 10) {
                out.add(ranked[rank]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code word: n1 0.71, n2 0.65, ...}, the {@code word2vec.neighbours} nearest by cosine among trained words. */
    String neighboursText(int id) {
        StringBuilder text = new StringBuilder(words.get(id)).append(':');
        String sep = " ";
        for (CosineNeighbours.Neighbour n : new CosineNeighbours(input.data(), input.dim(1))
                .nearest(id, trainedIds(), neighbours)) {
            text.append(sep).append(words.get(n.row())).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f",
                    n.cosine()));
            sep = ", ";
        }
        return text.toString();
    }
}
