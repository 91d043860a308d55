package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.PairVocabularies;

/**
 * {@code sequence-to-sequence}: an output text for each input text ({@link PairExample}s), learned by an
 * {@link EncoderDecoder} with teacher forcing. Settings: {@code cell}, {@code hidden}, {@code layers},
 * {@code embedding} (both sides), {@code attention} ({@code none}, {@code additive}, {@code general},
 * {@code dot}; default additive), {@code attention.size} (default: hidden), {@code decode.max_length}
 * (default: twice the longest training target plus 2), {@code beam.width} (default 1: greedy) and
 * {@code beam.alpha} (length normalisation, default 0) for the decoding that evaluation scores;
 * {@code source.tokenizer} and {@code target.tokenizer} (default {@code character}). Metrics per split: {@code loss} (cross-entropy per target token, teacher forced),
 * and from decoding {@code exact_match}, {@code char_accuracy}, and on the test split
 * {@code exact_match.len<a>-<b>} by source length.
 * Model files: format {@code rnnlab-encoder-decoder/1}, the spec's metadata, both tokenizers, and
 * {@code source-vocabulary.txt} and {@code target-vocabulary.txt} beside them.
 */
final class SequenceToSequenceTask implements Task {
    static final String FORMAT = "rnnlab-encoder-decoder/1";
    static final String SOURCE = "source.tokenizer";
    static final String TARGET = "target.tokenizer";
    static final String SOURCE_VOCABULARY = "source-vocabulary.txt";
    static final String TARGET_VOCABULARY = "target-vocabulary.txt";

    @Override
    public String id() {
        return "sequence-to-sequence";
    }

    @Override
    public String description() {
        return "an output text for each input text (encoder-decoder, teacher forcing); exact match, character accuracy";
    }

    @Override
    public boolean accepts(Dataset dataset) {
        return dataset.kind() == TaskKind.SEQUENCE_TO_SEQUENCE;
    }

    @Override
    public List<TokenizerUse> tokenizers(Dataset dataset) {
        List<PairExample> pairs = PairVocabularies.pairs(dataset.train());
        return List.of(new TokenizerUse(SOURCE, SOURCE, "character", pairs.stream().map(PairExample::source).toList()),
                new TokenizerUse(TARGET, TARGET, "character", pairs.stream().map(PairExample::target).toList()));
    }

    @Override
    public TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers) {
        FittedTokenizer s = tokenizers.get(SOURCE);
        FittedTokenizer t = tokenizers.get(TARGET);
        return PairData.encode(dataset, new PairVocabularies(s.tokenizer(), s.vocabulary(), t.tokenizer(), t.vocabulary()),
                s, t);
    }

    @Override
    public TaskModel build(TaskData data, ModelRequest request) {
        PairData pairs = (PairData) data;
        Settings s = request.settings();
        int hidden = s.integer("hidden", 64);
        int embedding = s.integer("embedding", 32);
        String cell = s.string("cell", "gru");
        EncoderDecoderSpec spec = new EncoderDecoderSpec(pairs.vocabularies().source().size(),
                pairs.vocabularies().target().size(), embedding, embedding, cell, s.under("cell"), hidden,
                s.integer("layers", 1), s.string("attention", "additive"), s.integer("attention.size", hidden),
                s.flag("fused", true));
        EncoderDecoder model = EncoderDecoder.create(request.cell(cell), spec, new SplittableRandom(request.seed()));
        int beamWidth = s.integer("beam.width", 1);
        if (beamWidth < 1) {
            throw new ConfigException("setting 'beam.width' must be at least 1 but was " + beamWidth);
        }
        return new PairTaskModel(model, pairs.vocabularies(), s.integer("decode.max_length", pairs.maxTargetLength() * 2 + 2),
                beamWidth, s.real("beam.alpha", 0));
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        return new TaskEvaluation(PairEvaluation.metrics((PairTaskModel) model, (PairData) data, split, prefix, batchSize), null);
    }

    @Override
    public Map<String, String> modelMetadata(TaskData data, TaskModel model) {
        PairData pairs = (PairData) data;
        Map<String, String> m = new LinkedHashMap<>(((PairTaskModel) model).model().spec().metadata());
        m.put("decode.max_length", Integer.toString(((PairTaskModel) model).maxLength()));
        m.put(SOURCE, pairs.source().id());
        pairs.source().options().forEach((k, v) -> m.put(SOURCE + "." + k, v));
        m.put(TARGET, pairs.target().id());
        pairs.target().options().forEach((k, v) -> m.put(TARGET + "." + k, v));
        return m;
    }

    @Override
    public void writeCompanions(TaskData data, Path folder) throws IOException {
        PairData pairs = (PairData) data;
        pairs.vocabularies().source().save(folder.resolve(SOURCE_VOCABULARY));
        pairs.vocabularies().target().save(folder.resolve(TARGET_VOCABULARY));
    }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        return PairModelFile.rebuild(file, registry);
    }

    @Override
    public String modelFormat() {
        return FORMAT;
    }
}
