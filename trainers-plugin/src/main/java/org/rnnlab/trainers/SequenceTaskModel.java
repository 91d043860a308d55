package org.rnnlab.trainers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TokenTagger;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TruncatedBackprop;

/**
 * A {@link SequenceModel} as a {@link SequenceTask} hands it on: with the tokenizer and vocabulary that
 * turn text into its input (both null for vector inputs), so that a rebuilt model can generate, and for a
 * tagger its tags and the held-out examples its samples show ({@code showcase}, empty for a rebuilt model), and
 * what the {@code embedding.*} settings made of its embedding ({@code embedding}: imported rows, frozen or not).
 */
record SequenceTaskModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary, List<String> tags,
                         List<TextExample> showcase, EmbeddingUse embedding) implements SequenceModelTaskModel, TokenTagger {

    SequenceTaskModel {
        tags = List.copyOf(tags);
        showcase = List.copyOf(showcase);
    }

    SequenceTaskModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary, List<String> tags,
                      List<TextExample> showcase) {
        this(model, tokenizer, vocabulary, tags, showcase, EmbeddingUse.NONE);
    }

    SequenceTaskModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary) {
        this(model, tokenizer, vocabulary, List.of(), List.of());
    }

    /** Every parameter but a frozen embedding ({@code embedding.trainable=false}). */
    @Override
    public List<Parameter> trainableParameters() {
        return embedding.trainable() ? parameters()
                : parameters().stream().filter(p -> !p.name().equals(SequenceModel.EMBEDDING)).toList();
    }

    /** The embedding, when the model learns one over word tokens (a tokenizer that joins with spaces). */
    @Override
    public Optional<WordEmbedding> wordEmbedding() {
        Tensor table = model.namedValues().get(SequenceModel.EMBEDDING);
        if (table == null || vocabulary == null || !EmbeddingUse.wordTokens(tokenizer)) {
            return Optional.empty();
        }
        return Optional.of(new WordEmbedding() {
            @Override
            public String tableName() {
                return SequenceModel.EMBEDDING;
            }

            @Override
            public List<String> embeddingWords() {
                return vocabulary.tokens();
            }

            @Override
            public Tensor embeddingTable() {
                return table;
            }

            @Override
            public List<String> probeWords() {
                return embedding.probes();
            }

            @Override
            public Optional<Import> embeddingImport() {
                return embedding.imported();
            }
        });
    }

    /** The model as a {@link Tagger}: it must be a tagging model on token ids. */
    Tagger tagger() {
        if (model.spec().kind() != org.rnnlab.api.data.TaskKind.SEQUENCE_TAGGING || tokenizer == null) {
            throw new RnnlabException("this is a " + model.spec().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " model, not a tagger: tagging needs a model trained on a tagging dataset (conll, word-boundaries)");
        }
        return new Tagger(model, tokenizer, vocabulary, tags);
    }

    @Override
    public List<TaggedToken> tag(String text) {
        return tagger().tag(text);
    }

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        if (data instanceof StreamData stream) {
            stream.train(model, batch, measureFlow, update);
            return;
        }
        if (model.spec().bidirectional() && truncation != Integer.MAX_VALUE) {
            throw new ConfigException("setting 'bidirectional' is true but the trainer truncates back-propagation to "
                    + truncation + " steps: a reverse direction needs whole sequences (use trainer=bptt)");
        }
        TruncatedBackprop.train(model, ((EncodedData) data).batch("train", batch), truncation, measureFlow, update);
    }
}
