package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TextGeneration;

/**
 * The built-in tasks, one per {@link TaskKind}: a {@link SequenceModel} (embedding or features, cell
 * stack, linear head) whose loss and head follow the kind, on data encoded by {@link EncodedData} with
 * the one tokenizer the {@code tokenizer} setting names. Model files carry the format
 * {@code rnnlab-sequence-model/1} and, as {@link ModelFile#TASK}, the kind's name (what files held before
 * tasks were components).
 */
record SequenceTask(String id, String description, TaskKind kind) implements Task {
    static final SequenceTask LANGUAGE_MODELLING = new SequenceTask("language-modelling",
            "predict every next token of a text (cross-entropy at each step); perplexity, samples", TaskKind.LANGUAGE_MODELLING);
    static final SequenceTask CLASSIFICATION = new SequenceTask("classification",
            "one class per sequence from its last step (cross-entropy); accuracy, macro F1, confusion matrix",
            TaskKind.SEQUENCE_CLASSIFICATION);
    static final SequenceTask REGRESSION = new SequenceTask("regression",
            "numbers per sequence from its last step (mean squared error)", TaskKind.SEQUENCE_REGRESSION);
    static final SequenceTask TAGGING = new SequenceTask("tagging",
            "one tag per token (cross-entropy at each step, padding masked); accuracy, F1 per tag, CoNLL entity F1 for"
                    + " BIO tags, confusion matrix", TaskKind.SEQUENCE_TAGGING);

    static final String FORMAT = "rnnlab-sequence-model/1";
    /** The setting that names the tokenizer (also its role), and the tokenizer when it is absent. */
    static final String TOKENIZER = RuntimeSettings.TOKENIZER.name();
    static final String DEFAULT_TOKENIZER = RuntimeSettings.TOKENIZER.shownDefault();
    /** How many held-out examples a tagger keeps to show as samples. */
    static final int SHOWCASE = 20;

    static List<SequenceTask> builtIn() {
        return List.of(LANGUAGE_MODELLING, CLASSIFICATION, REGRESSION, TAGGING);
    }

    @Override
    public SettingsSchema settings() {
        return (kind == TaskKind.LANGUAGE_MODELLING ? SequenceModelSettings.schema(id)
                : SequenceModelSettings.schemaWithDirection(id)).plus(SequenceModelSettings.dropoutSchema(id))
                .plus(SequenceModelSettings.embeddingSchema(id))
                .plus(SkipGramPretraining.SCHEMA);
    }

    @Override
    public long minimumHeapBytes(Settings settings) {
        return SequenceModelSettings.minimumHeapBytes(settings);
    }

    @Override
    public List<String> settingsProblems(Settings settings) {
        List<String> problems = new ArrayList<>(EmbeddingUse.problems(settings));
        problems.addAll(SkipGramPretraining.problems(settings));
        return problems;
    }

    @Override
    public boolean accepts(Dataset dataset) {
        return dataset.kind() == kind;
    }

    @Override
    public List<TokenizerUse> tokenizers(Dataset dataset) {
        if (!(dataset.train().getFirst() instanceof TextExample)) {
            return List.of();
        }
        return List.of(new TokenizerUse(TOKENIZER, TOKENIZER, DEFAULT_TOKENIZER, dataset.trainingTexts()));
    }

    @Override
    public TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers) {
        return new EncodedData(dataset, tokenizers.get(TOKENIZER));
    }

    @Override
    public TaskModel build(TaskData data, ModelRequest request) {
        EncodedData encoded = (EncodedData) data;
        Settings settings = settings().requireValues(request.settings());
        String cell = settings.get(RuntimeSettings.CELL);
        boolean bidirectional = kind != TaskKind.LANGUAGE_MODELLING && settings.get(SequenceModelSettings.BIDIRECTIONAL);
        if (kind == TaskKind.LANGUAGE_MODELLING && SequenceModelSettings.BIDIRECTIONAL.find(request.settings()).getOrElse(false)) {
            // the key is the other tasks' (a variant that does not name its task is checked against all of them)
            throw new ConfigException("setting 'bidirectional' is true, but a language model that reads the text"
                    + " backwards sees every token it must predict; use it for tagging or classification");
        }
        if (bidirectional && settings.get(RuntimeSettings.TRAINER).equals("tbptt")) {
            throw new ConfigException("setting 'bidirectional' is true but trainer 'tbptt' truncates back-propagation:"
                    + " a reverse direction needs whole sequences (use trainer=bptt)");
        }
        ModelSpec spec = new ModelSpec(kind, encoded.tokenInput(), encoded.inputSize(),
                encoded.tokenInput() ? settings.get(SequenceModelSettings.EMBEDDING) : 0, encoded.outputs(), cell,
                settings.get(SequenceModelSettings.HIDDEN), settings.get(SequenceModelSettings.LAYERS),
                settings.under(RuntimeSettings.CELL.name()), settings.get(SequenceModelSettings.FUSED), bidirectional,
                encoded.window());
        SequenceModel model = SequenceModelSettings.withDropout(SequenceModel.create(request.cell(cell), spec,
                new SplittableRandom(request.seed())), settings, request.seed());
        List<TextExample> showcase = kind == TaskKind.SEQUENCE_TAGGING && encoded.tokenInput() ? showcase(encoded) : List.of();
        EmbeddingUse embedding = EmbeddingUse.apply(settings, model,
                encoded.vocabulary() == null ? List.of() : encoded.vocabulary().tokens(),
                () -> SkipGramPretraining.train(settings, encoded, request.registry(), request.seed(), spec.embedding()));
        return new SequenceTaskModel(model, encoded.tokenizer(), encoded.vocabulary(), encoded.labels(), showcase, embedding);
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        if (data instanceof StreamData stream) {
            return new TaskEvaluation(stream.evaluate(((SequenceTaskModel) model).model(), split, prefix, batchSize), null);
        }
        SplitEvaluator.Result r = SplitEvaluator.evaluate(((SequenceTaskModel) model).model(), (EncodedData) data, split,
                prefix, batchSize);
        return new TaskEvaluation(r.metrics(), r.scores() == null ? null : r.scores().confusion());
    }

    /** The language model's data as running text cut into pieces of {@code chunk} tokens ({@link StreamData}). */
    @Override
    public TaskData stream(TaskData data, int chunk) {
        return new StreamData((EncodedData) data, chunk);
    }

    @Override
    public boolean generates() {
        return kind == TaskKind.LANGUAGE_MODELLING;
    }

    /** The held-out examples a tagger's samples are drawn from: test, else validation, else training. */
    private static List<TextExample> showcase(EncodedData data) {
        for (String split : List.of("test", "validation", "train")) {
            List<org.rnnlab.api.data.Example> examples = data.dataset().split(split);
            if (!examples.isEmpty()) {
                return examples.stream().limit(SHOWCASE).map(e -> (TextExample) e).toList();
            }
        }
        return List.of();
    }

    @Override
    public List<String> samples(TaskModel model, SampleRequest request, RandomGenerator random) {
        SequenceTaskModel m = (SequenceTaskModel) model;
        if (kind == TaskKind.SEQUENCE_TAGGING) {
            return taggedSamples(m, request.count());
        }
        if (!generates() || !m.model().spec().tokenInput()) {
            return List.of();
        }
        TextGeneration generation = new TextGeneration(request.temperature(), request.topK(), request.prefix(),
                request.length());
        List<String> out = new ArrayList<>(request.count());
        for (int n = 0; n < request.count(); n++) {
            out.add(generation.sample(m.model(), m.tokenizer(), m.vocabulary(), random));
        }
        return out;
    }

    /**
     * {@code count} held-out examples (the same ones every epoch, so the report shows them improve) written
     * with the predicted tags, errors marked ({@link Tagger#render}); the first line says how to read them.
     */
    private static List<String> taggedSamples(SequenceTaskModel m, int count) {
        if (m.showcase().isEmpty() || count == 0) {
            return List.of();
        }
        Tagger tagger = m.tagger();
        List<String> out = new ArrayList<>(count + 1);
        out.add(m.tags().equals(List.of("none", "space")) ? SpacedLine.LEGEND
                : "each token as token/predicted tag; a wrong one also shows (true TAG)");
        for (int i = 0; i < Math.min(count, m.showcase().size()); i++) {
            out.add(tagger.render(m.showcase().get(i)));
        }
        return out;
    }

    @Override
    public Map<String, String> modelMetadata(TaskData data, TaskModel model) {
        EncodedData encoded = (EncodedData) data;
        return SequenceModelFile.metadata(((SequenceTaskModel) model).model().spec(), encoded.labels(), encoded.fitted());
    }

    @Override
    public void writeCompanions(TaskData data, Path folder) throws IOException {
        EncodedData encoded = (EncodedData) data;
        if (encoded.vocabulary() != null) {
            encoded.vocabulary().save(folder.resolve(SequenceModelFile.VOCABULARY_FILE));
        }
    }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        return SequenceModelFile.rebuild(file, kind, registry);
    }

    @Override
    public String modelFormat() {
        return FORMAT;
    }

    @Override
    public String fileTag() {
        return kind.name();
    }
}
