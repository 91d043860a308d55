package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.PairVocabularies;

/**
 * The model file of the sequence-to-sequence task, read here only: the {@link EncoderDecoderSpec}'s
 * metadata, {@code decode.max_length}, the two tokenizers and their options
 * ({@code source.tokenizer.*}, {@code target.tokenizer.*}), and both vocabularies beside the file.
 * Every way the files can disagree is refused naming the file.
 */
final class PairModelFile {
    private PairModelFile() {}

    static PairTaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        Path path = file.path();
        Map<String, String> meta = file.metadata();
        EncoderDecoderSpec spec;
        try {
            spec = EncoderDecoderSpec.fromMetadata(meta, true);
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(path + " is not an rnnlab encoder-decoder: " + e.getMessage(), e);
        }
        Vocabulary source = vocabulary(file, SequenceToSequenceTask.SOURCE_VOCABULARY, spec.sourceVocabulary());
        Vocabulary target = vocabulary(file, SequenceToSequenceTask.TARGET_VOCABULARY, spec.targetVocabulary());
        Tokenizer sourceTokenizer = tokenizer(meta, SequenceToSequenceTask.SOURCE, registry);
        Tokenizer targetTokenizer = tokenizer(meta, SequenceToSequenceTask.TARGET, registry);
        // the weights are overwritten by load(); the random numbers only fill them first
        EncoderDecoder model = EncoderDecoder.create(registry.get(ComponentKind.CELL, spec.cell()), spec, new SplittableRandom(0));
        try {
            model.load(file.tensors());
        } catch (RuntimeException e) {
            throw new RnnlabException(path + " does not fit the encoder-decoder its metadata describes: " + e.getMessage(), e);
        }
        int maxLength;
        try {
            maxLength = Integer.parseInt(meta.getOrDefault("decode.max_length", "100"));
        } catch (NumberFormatException e) {
            throw new RnnlabException(path + ": metadata 'decode.max_length' is not a number: " + meta.get("decode.max_length"));
        }
        return new PairTaskModel(model, new PairVocabularies(sourceTokenizer, source, targetTokenizer, target), maxLength,
                1, 0);
    }

    private static Tokenizer tokenizer(Map<String, String> meta, String key, ComponentRegistry registry) {
        Map<String, String> options = new TreeMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith(key + ".")) {
                options.put(k.substring(key.length() + 1), v);
            }
        });
        return registry.get(ComponentKind.TOKENIZER, meta.getOrDefault(key, "character")).create(Settings.of(options));
    }

    private static Vocabulary vocabulary(ModelFile file, String name, int size) {
        Path p = file.companion(name);
        if (!Files.isRegularFile(p)) {
            throw new RnnlabException("vocabulary not found: " + p + " (the run saves it beside " + file.path().getFileName() + ")");
        }
        Vocabulary v;
        try {
            v = Vocabulary.load(p);
        } catch (IOException | RuntimeException e) {
            throw new RnnlabException("cannot read the vocabulary " + p + ": " + e.getMessage(), e);
        }
        if (v.size() != size) {
            throw new RnnlabException(file.path() + " was trained with " + size + " tokens but " + p + " has " + v.size()
                    + ": they come from different runs");
        }
        return v;
    }
}
