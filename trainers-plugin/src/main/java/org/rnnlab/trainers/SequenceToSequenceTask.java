package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
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
import org.rnnlab.model.seq2seq.Translation;

/**
 * {@code sequence-to-sequence}: an output text for each input text ({@link PairExample}s), learned by an
 * {@link EncoderDecoder} with teacher forcing. Settings ({@link #settings()}): the model's ({@code hidden},
 * {@code layers}, {@code embedding} for both sides, {@code fused}), the attention and its size, the decoding
 * that evaluation scores ({@code decode.max_length}, {@code beam.width}, {@code beam.alpha}) and the
 * tokenizer of each side ({@code source.tokenizer}, {@code target.tokenizer}; their options under those
 * names, {@code source.tokenizer.lowercase}). Metrics per split: {@code loss} (cross-entropy per target
 * token, teacher forced), and from decoding {@code exact_match}, {@code char_accuracy}, and on the test
 * split {@code exact_match.len<a>-<b>} by source length.
 * Model files: format {@code rnnlab-encoder-decoder/1}, the spec's metadata, both tokenizers, and
 * {@code source-vocabulary.txt} and {@code target-vocabulary.txt} beside them.
 */
final class SequenceToSequenceTask implements Task {
    static final String FORMAT = "rnnlab-encoder-decoder/1";
    static final String SOURCE = "source.tokenizer";
    static final String TARGET = "target.tokenizer";
    static final String SOURCE_VOCABULARY = "source-vocabulary.txt";
    static final String TARGET_VOCABULARY = "target-vocabulary.txt";

    static final SettingKey<String> ATTENTION = SettingKey.oneOf("attention",
            "how the decoder looks at the source steps", "none", "additive", "general", "dot").defaultsTo("additive");
    static final SettingKey<Integer> ATTENTION_SIZE = SettingKey.integer("attention.size",
            "units of the additive attention's layer (default: hidden)").checked(SettingCheck.between(1, 16_384));
    static final SettingKey<Integer> MAX_LENGTH = SettingKey.integer("decode.max_length",
            "the most tokens a decoded output has (default: twice the longest training target plus 2)")
            .checked(SettingCheck.between(1, 100_000));
    static final SettingKey<Integer> BEAM_WIDTH = SettingKey.integer("beam.width",
            "beam width of the decoding evaluation scores; 1 is greedy").defaultsTo(1).checked(SettingCheck.between(1, 1_000));
    static final SettingKey<Double> BEAM_ALPHA = SettingKey.real("beam.alpha",
            "length normalisation of beam search: log p / length^alpha; 0 is none").defaultsTo(0.0)
            .checked(SettingCheck.between(0, 10));
    static final SettingKey<Boolean> BIDIRECTIONAL = SettingKey.flag("encoder.bidirectional",
            "the encoder reads each source both ways, hidden/2 units per direction (hidden must be even)").defaultsTo(false);
    static final SettingKey<String> SOURCE_TOKENIZER = SettingKey.component(SOURCE, ComponentKind.TOKENIZER,
            "how the source texts become tokens; its options go under source.tokenizer.").defaultsTo("character");
    static final SettingKey<String> TARGET_TOKENIZER = SettingKey.component(TARGET, ComponentKind.TOKENIZER,
            "how the target texts become tokens; its options go under target.tokenizer.").defaultsTo("character");

    @Override
    public String id() {
        return "sequence-to-sequence";
    }

    @Override
    public String description() {
        return "an output text for each input text (encoder-decoder, teacher forcing); exact match, character accuracy";
    }

    @Override
    public SettingsSchema settings() {
        return SequenceModelSettings.schema(id()).plus(SettingsSchema.of("task " + id(), BIDIRECTIONAL, ATTENTION, ATTENTION_SIZE,
                MAX_LENGTH, BEAM_WIDTH, BEAM_ALPHA, SOURCE_TOKENIZER, TARGET_TOKENIZER));
    }

    /**
     * The sequence model's bound holds here too: the decoder alone is a stack of {@code layers} cells of
     * {@code hidden} units (a bidirectional encoder's halves and the attention only add to it).
     */
    @Override
    public long minimumHeapBytes(Settings settings) {
        return SequenceModelSettings.minimumHeapBytes(settings);
    }

    @Override
    public boolean accepts(Dataset dataset) {
        return dataset.kind() == TaskKind.SEQUENCE_TO_SEQUENCE;
    }

    @Override
    public List<TokenizerUse> tokenizers(Dataset dataset) {
        List<PairExample> pairs = PairVocabularies.pairs(dataset.train());
        return List.of(new TokenizerUse(SOURCE, SOURCE, SOURCE_TOKENIZER.shownDefault(), pairs.stream().map(PairExample::source).toList()),
                new TokenizerUse(TARGET, TARGET, TARGET_TOKENIZER.shownDefault(), pairs.stream().map(PairExample::target).toList()));
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
        Settings s = settings().requireValues(request.settings());
        int hidden = s.get(SequenceModelSettings.HIDDEN);
        int embedding = s.get(SequenceModelSettings.EMBEDDING);
        String cell = s.get(RuntimeSettings.CELL);
        SequenceModelSettings.refuseEmbeddingVectors(request.settings(), id());
        if (SequenceModelSettings.asksForDropout(request.settings())) {
            throw new ConfigException("settings 'dropout.*' are not supported by the " + id() + " task: its encoder-decoder"
                    + " has no dropout yet; leave dropout.embedding, dropout.layers and dropout.output at 0");
        }
        if (s.get(BIDIRECTIONAL) && hidden % 2 != 0) {
            throw new ConfigException("setting 'encoder.bidirectional' splits hidden between the two directions: hidden must "
                    + "be even but is " + hidden);
        }
        EncoderDecoderSpec spec = new EncoderDecoderSpec(pairs.vocabularies().source().size(),
                pairs.vocabularies().target().size(), embedding, embedding, cell, s.under(RuntimeSettings.CELL.name()), hidden,
                s.get(SequenceModelSettings.LAYERS), s.get(ATTENTION), s.find(ATTENTION_SIZE).getOrElse(hidden),
                s.get(SequenceModelSettings.FUSED), s.get(BIDIRECTIONAL));
        EncoderDecoder model = EncoderDecoder.create(request.cell(cell), spec, new SplittableRandom(request.seed()));
        return new PairTaskModel(model, pairs.vocabularies(), s.find(MAX_LENGTH).getOrElse(pairs.maxTargetLength() * 2 + 2),
                s.get(BEAM_WIDTH), s.get(BEAM_ALPHA));
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        return new TaskEvaluation(PairEvaluation.metrics((PairTaskModel) model, (PairData) data, split, prefix, batchSize), null);
    }

    /** Greedy or beam decoding as evaluation does; none when the model has no attention. */
    @Override
    public List<AttentionMap> attention(TaskModel model, TaskData data, String split, int count) {
        PairTaskModel m = (PairTaskModel) model;
        List<PairExample> pairs = ((PairData) data).pairs().get(split);
        List<AttentionMap> maps = new ArrayList<>();
        for (int i = 0; i < Math.min(count, pairs.size()); i++) {
            String source = pairs.get(i).source();
            Translation t = m.translate(source, m.beamWidth(), m.alpha());
            if (t.attention().length == 0) {
                return List.of();
            }
            double[][] weights = new double[t.attention().length][];
            for (int r = 0; r < weights.length; r++) {
                weights[r] = new double[t.attention()[r].length];
                for (int c = 0; c < weights[r].length; c++) {
                    weights[r][c] = t.attention()[r][c];
                }
            }
            maps.add(new AttentionMap(m.vocabularies().sourceTokens(source), m.outputTokens(t), weights));
        }
        return maps;
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
