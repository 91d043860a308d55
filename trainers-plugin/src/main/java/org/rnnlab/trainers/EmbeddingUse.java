package org.rnnlab.trainers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.WordVectors;
import org.rnnlab.model.embedding.PretrainedRows;

/**
 * What the settings {@code embedding.init}, {@code embedding.trainable} and {@code embedding.probes} make of a
 * {@link SequenceModel}'s embedding: the rows a word-vectors file (or skip-gram before the run) gave it, whether
 * training may change it, and the words its map marks. {@link #NONE} for a model built without them (and for
 * every rebuilt model).
 */
record EmbeddingUse(Optional<WordEmbedding.Import> imported, boolean trainable, List<String> probes) {
    static final EmbeddingUse NONE = new EmbeddingUse(Optional.empty(), true, List.of());

    EmbeddingUse {
        probes = List.copyOf(probes);
    }

    /**
     * Applies the settings to a new model: copies the file's rows into its embedding ({@link PretrainedRows}).
     * {@code words} are the vocabulary's tokens, one per row. With {@code embedding.init=skipgram} the rows come
     * from {@code pretraining}, called then only ({@link SkipGramPretraining}).
     */
    static EmbeddingUse apply(Settings settings, SequenceModel model, List<String> words,
                              Supplier<SkipGramPretraining.Pretrained> pretraining) {
        boolean trainable = settings.get(SequenceModelSettings.EMBEDDING_TRAINABLE);
        List<String> probes = probes(settings.get(SequenceModelSettings.EMBEDDING_PROBES));
        Optional<String> file = SequenceModelSettings.EMBEDDING_INIT.find(settings).toJavaOptional();
        Tensor table = model.namedValues().get(SequenceModel.EMBEDDING);
        if (table == null) {
            if (file.isPresent() || !trainable) {
                throw new org.rnnlab.api.ConfigException("settings 'embedding.init' and 'embedding.trainable' need a"
                        + " learned embedding of tokens, but this model reads " + (model.spec().tokenInput()
                        ? "one-hot vectors (embedding=0)" : "feature vectors"));
            }
            return new EmbeddingUse(Optional.empty(), true, probes);
        }
        Optional<WordEmbedding.Import> imported = Optional.empty();
        if (file.isPresent()) {
            String source = file.get();
            WordVectors vectors;
            if (source.equals(SkipGramPretraining.INIT)) {
                SkipGramPretraining.Pretrained pretrained = pretraining.get();
                vectors = pretrained.vectors();
                source = pretrained.description();
            } else {
                vectors = read(source);
            }
            int found = PretrainedRows.copy(vectors, source, words, table);
            imported = Optional.of(new WordEmbedding.Import(source, found, words.size(), trainable));
        }
        return new EmbeddingUse(imported, trainable, probes);
    }

    /** The problem of {@code embedding.init} with the other settings, read before any run folder exists. */
    static List<String> problems(Settings settings) {
        Optional<String> file = SequenceModelSettings.EMBEDDING_INIT.find(settings).toJavaOptional();
        if (file.isEmpty()) {
            return List.of();
        }
        int embedding = settings.get(SequenceModelSettings.EMBEDDING);
        if (embedding == 0) {
            return List.of("setting 'embedding.init' needs a learned embedding, but setting 'embedding' is 0 (one-hot inputs)");
        }
        if (file.get().equals(SkipGramPretraining.INIT)) {
            return List.of();
        }
        try {
            int dimension = read(file.get()).dimension();
            return dimension == embedding ? List.of() : List.of(PretrainedRows.mismatch(dimension, file.get(), embedding));
        } catch (RnnlabException e) {
            return List.of("setting 'embedding.init': " + e.getMessage());
        }
    }

    private static WordVectors read(String file) {
        try {
            return WordVectors.read(Path.of(file));
        } catch (java.io.IOException e) {
            throw new RnnlabException("setting 'embedding.init': cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<String> probes(String list) {
        List<String> out = new ArrayList<>();
        Arrays.stream(list.strip().split("\\s+")).map(String::strip).filter(w -> !w.isEmpty()).forEach(out::add);
        return out;
    }

    /**
     * Whether a tokenizer's tokens are words: it joins tokens with a space, as {@link Tokenizer#join} says word
     * tokenizers do (characters are concatenated).
     */
    static boolean wordTokens(Tokenizer tokenizer) {
        return tokenizer != null && tokenizer.join(List.of("a", "b")).equals("a b");
    }
}
