package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.rnnlab.engine.Safetensors;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;

/**
 * A language model a run saved ({@code <variant>/model.safetensors} with {@code vocabulary.txt} beside it),
 * rebuilt from the file's metadata with the registry's cell and tokenizer. Every way the files can be wrong
 * (missing, not safetensors, not an rnnlab model, not a language model, no vocabulary, sizes that disagree)
 * is an {@link RnnlabException} naming the file.
 */
record SavedLanguageModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary) {
    static final String VOCABULARY_FILE = "vocabulary.txt";
    /** The tokenizer of model files written before the trainer recorded it: the trainers' default. */
    static final String DEFAULT_TOKENIZER = "character";

    static SavedLanguageModel load(Path modelFile, ComponentRegistry registry) {
        Path file = modelFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new RnnlabException("model file not found: " + file);
        }
        Safetensors.Contents contents;
        try {
            contents = Safetensors.read(file);
        } catch (IOException | RuntimeException e) {
            throw new RnnlabException(file + " is not a model file (not readable as safetensors: " + e.getMessage() + ")", e);
        }
        Map<String, String> meta = contents.metadata();
        for (String key : List.of("task", "cell", "hidden", "layers", "embedding")) {
            if (!meta.containsKey(key)) {
                throw new RnnlabException(file + " is not an rnnlab model: its metadata has no '" + key
                        + "' (present: " + new TreeMap<>(meta).keySet() + ")");
            }
        }
        if (!TaskKind.LANGUAGE_MODELLING.name().equals(meta.get("task"))) {
            throw new RnnlabException(file + " is a " + meta.get("task").toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " model, not a language model: lab generate needs a model trained on a language-modelling dataset");
        }
        Path vocabularyFile = file.resolveSibling(VOCABULARY_FILE);
        if (!Files.isRegularFile(vocabularyFile)) {
            throw new RnnlabException("vocabulary not found: " + vocabularyFile + " (the run saves it beside " + file.getFileName() + ")");
        }
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.load(vocabularyFile);
        } catch (IOException | RuntimeException e) {
            throw new RnnlabException("cannot read the vocabulary " + vocabularyFile + ": " + e.getMessage(), e);
        }
        ModelSpec spec;
        try {
            int embedding = Integer.parseInt(meta.get("embedding"));
            int size = vocabulary.size();
            checkSize(file, meta, "input_size", size);
            checkSize(file, meta, "outputs", size);
            spec = new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, size, embedding, size, meta.get("cell"),
                    Integer.parseInt(meta.get("hidden")), Integer.parseInt(meta.get("layers")), under(meta, "cell"), false);
        } catch (NumberFormatException e) {
            throw new RnnlabException(file + ": a size in its metadata is not a number: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(file + ": " + e.getMessage(), e);
        }
        // the weights are overwritten by load(); the random numbers only fill them first
        SequenceModel model = SequenceModel.create(registry.get(ComponentKind.CELL, spec.cell()), spec, new SplittableRandom(0));
        try {
            model.load(contents.tensors());
        } catch (RuntimeException e) {
            throw new RnnlabException(file + " does not fit the model its metadata describes (with " + vocabularyFile.getFileName()
                    + "): " + e.getMessage(), e);
        }
        Tokenizer tokenizer = registry.get(ComponentKind.TOKENIZER,
                meta.getOrDefault("tokenizer", DEFAULT_TOKENIZER)).create(Settings.of(under(meta, "tokenizer")));
        return new SavedLanguageModel(model, tokenizer, vocabulary);
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
