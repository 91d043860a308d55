package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.Task;
import org.rnnlab.model.InputWindow;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;

/**
 * The metadata of a {@link SequenceTask}'s model file, written and read here only: the {@link ModelSpec}
 * field by field, the labels, the cell's options as {@code cell.*}, the tokenizer and its options as
 * {@code tokenizer.*}; the vocabulary lies beside the model as {@value #VOCABULARY_FILE}. Rebuilding
 * refuses, naming the file, every way the files can disagree (missing keys, no vocabulary, sizes that
 * differ).
 */
final class SequenceModelFile {
    static final String VOCABULARY_FILE = "vocabulary.txt";
    private static final String CELL = "cell";
    private static final String HIDDEN = "hidden";
    private static final String LAYERS = "layers";
    private static final String EMBEDDING = "embedding";
    private static final String LABELS = "labels";
    private static final String TOKEN_INPUT = "token_input";
    private static final String INPUT_SIZE = "input_size";
    private static final String OUTPUTS = "outputs";
    private static final String FUSED = "fused";
    private static final String TOKENIZER = "tokenizer";
    /** Written only when true, so unidirectional files keep the entries they always had. */
    private static final String BIDIRECTIONAL = "bidirectional";

    private SequenceModelFile() {}

    /** The entries after {@link ModelFile#FORMAT} and {@link ModelFile#TASK}, in the order files have always had. */
    static Map<String, String> metadata(ModelSpec spec, List<String> labels, Task.FittedTokenizer tokenizer) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(CELL, spec.cell());
        meta.put(HIDDEN, Integer.toString(spec.hidden()));
        meta.put(LAYERS, Integer.toString(spec.layers()));
        meta.put(EMBEDDING, Integer.toString(spec.embedding()));
        meta.put(LABELS, String.join("\n", labels));
        meta.put(TOKEN_INPUT, Boolean.toString(spec.tokenInput()));
        meta.put(INPUT_SIZE, Integer.toString(spec.inputSize()));
        meta.put(OUTPUTS, Integer.toString(spec.outputs()));
        meta.put(FUSED, Boolean.toString(spec.fused()));
        if (spec.bidirectional()) {
            meta.put(BIDIRECTIONAL, "true");
        }
        new TreeMap<>(spec.cellOptions()).forEach((k, v) -> meta.put(CELL + "." + k, v));
        if (tokenizer != null) {
            meta.put(TOKENIZER, tokenizer.id());
            new TreeMap<>(tokenizer.options()).forEach((k, v) -> meta.put(TOKENIZER + "." + k, v));
        }
        return meta;
    }

    /** The model {@code file} holds, for a task of {@code kind}, with the registry's cell and tokenizer. */
    static SequenceTaskModel rebuild(ModelFile file, TaskKind kind, ComponentRegistry registry) {
        Path path = file.path();
        Map<String, String> meta = file.metadata();
        for (String key : List.of(CELL, HIDDEN, LAYERS, EMBEDDING)) {
            if (!meta.containsKey(key)) {
                throw new RnnlabException(path + " is not an rnnlab model: its metadata has no '" + key
                        + "' (present: " + new TreeMap<>(meta).keySet() + ")");
            }
        }
        boolean tokenInput = Boolean.parseBoolean(meta.getOrDefault(TOKEN_INPUT, "true"));
        Vocabulary vocabulary = null;
        Tokenizer tokenizer = null;
        if (tokenInput || meta.containsKey(TOKENIZER)) {
            vocabulary = vocabulary(file);
            tokenizer = registry.get(ComponentKind.TOKENIZER, meta.getOrDefault(TOKENIZER, SequenceTask.DEFAULT_TOKENIZER))
                    .create(Settings.of(under(meta, TOKENIZER)));
        }
        ModelSpec spec;
        try {
            int embedding = Integer.parseInt(meta.get(EMBEDDING));
            boolean bidirectional = Boolean.parseBoolean(meta.getOrDefault(BIDIRECTIONAL, "false"));
            Runtime rt = Runtime.getRuntime();
            ModelFileCheck.beforeBuilding(path, Integer.parseInt(meta.get(LAYERS)), Integer.parseInt(meta.get(HIDDEN)),
                    bidirectional ? 2 : 1,
                    meta.containsKey(OUTPUTS) ? java.util.OptionalInt.of(Integer.parseInt(meta.get(OUTPUTS))) : java.util.OptionalInt.empty(),
                    embedding, file.tensors(), rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
            int inputSize = tokenInput ? vocabulary.size() : Integer.parseInt(meta.get(INPUT_SIZE));
            if (tokenInput) {
                checkSize(path, meta, INPUT_SIZE, inputSize);
            }
            int outputs;
            if (kind == TaskKind.LANGUAGE_MODELLING) {
                outputs = vocabulary.size();
                checkSize(path, meta, OUTPUTS, outputs);
            } else {
                outputs = Integer.parseInt(meta.get(OUTPUTS));
            }
            // a language model reads the window its tokenizer (recorded with its options) gives
            InputWindow window = kind == TaskKind.LANGUAGE_MODELLING && tokenizer != null
                    ? InputWindow.of(tokenizer.window(), tokenizer.ordered()) : InputWindow.NONE;
            spec = new ModelSpec(kind, tokenInput, inputSize, embedding, outputs, meta.get(CELL),
                    Integer.parseInt(meta.get(HIDDEN)), Integer.parseInt(meta.get(LAYERS)), under(meta, CELL), false,
                    bidirectional, window);
        } catch (NumberFormatException e) {
            throw new RnnlabException(path + ": a size in its metadata is not a number: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(path + ": " + e.getMessage(), e);
        }
        // the weights are overwritten by load(); the random numbers only fill them first
        SequenceModel model = SequenceModel.create(registry.get(ComponentKind.CELL, spec.cell()), spec, new SplittableRandom(0));
        try {
            model.load(file.tensors());
        } catch (RuntimeException e) {
            throw new RnnlabException(path + " does not fit the model its metadata describes"
                    + (vocabulary == null ? "" : " (with " + VOCABULARY_FILE + ")") + ": " + e.getMessage(), e);
        }
        ModelFileCheck.sameTensors(path, model.namedValues().keySet(), file.tensors().keySet());
        List<String> labels = meta.getOrDefault(LABELS, "").isEmpty() ? List.of() : List.of(meta.get(LABELS).split("\n"));
        return new SequenceTaskModel(model, tokenizer, vocabulary, labels, List.of());
    }

    private static Vocabulary vocabulary(ModelFile file) {
        Path vocabularyFile = file.companion(VOCABULARY_FILE);
        if (!Files.isRegularFile(vocabularyFile)) {
            throw new RnnlabException("vocabulary not found: " + vocabularyFile + " (the run saves it beside "
                    + file.path().getFileName() + ")");
        }
        try {
            return Vocabulary.load(vocabularyFile);
        } catch (IOException | RuntimeException e) {
            throw new RnnlabException("cannot read the vocabulary " + vocabularyFile + ": " + e.getMessage(), e);
        }
    }

    private static void checkSize(Path file, Map<String, String> meta, String key, int vocabularySize) {
        if (meta.containsKey(key) && Integer.parseInt(meta.get(key)) != vocabularySize) {
            throw new RnnlabException(file + " has " + key + " " + meta.get(key) + " but its " + VOCABULARY_FILE + " has "
                    + vocabularySize + " tokens: they come from different runs");
        }
    }

    /** The entries {@code prefix.key} of the metadata as {@code key}. */
    private static Map<String, String> under(Map<String, String> meta, String prefix) {
        Map<String, String> m = new TreeMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                m.put(k.substring(prefix.length() + 1), v);
            }
        });
        return m;
    }
}
