package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.InProcessLab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.experiments.cli.InProcessLab.Result;

/** {@code lab generate} in-process, on a model a real (tiny) {@code lab run hello} saved. */
class GenerateCommandTest {
    @TempDir
    static Path runs;
    private static Path model;

    @BeforeAll
    static void trainATinyLanguageModel() {
        model = InProcessLab.run("hello", "--set", "epochs=3", "--threads", "1", "--out", runs.toString())
                .resolve("s1/model.safetensors");
        assertThat(model).exists();
    }

    @Test
    void printsCountSamplesStartingWithThePrefixAndTheSameSeedGivesTheSameSamples() {
        Result a = lab("generate", model.toString(), "--count", "6", "--temperature", "2", "--prefix", "he",
                "--length", "12", "--seed", "7");
        Result b = lab("generate", model.toString(), "--count", "6", "--temperature", "2", "--prefix", "he",
                "--length", "12", "--seed", "7");
        Result other = lab("generate", model.toString(), "--count", "6", "--temperature", "2", "--prefix", "he",
                "--length", "12", "--seed", "8");

        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out().lines()).hasSize(6).allMatch(s -> s.startsWith("he") && s.length() <= 2 + 12);
        assertThat(b.out()).isEqualTo(a.out());
        // at temperature 2 after 3 epochs, six samples of up to 12 characters all alike under two seeds is
        // practically impossible: a different seed must draw differently
        assertThat(other.out()).isNotEqualTo(a.out());
    }

    @Test
    void theModelFileRecordsWhatRebuildingItNeeds() throws Exception {
        Map<String, String> meta = Safetensors.read(model).metadata();
        assertThat(meta).containsEntry("task", "LANGUAGE_MODELLING").containsEntry("cell", "rnn")
                .containsEntry("tokenizer", "character").containsKeys("hidden", "layers", "embedding", "input_size",
                        "outputs", "format");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path tmp) {
        Result r = lab("generate", tmp.resolve("nope.safetensors").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("model file not found").contains("nope.safetensors");
    }

    @Test
    void aFileThatIsNotAModelIsNamed(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.safetensors"), "just some text, not a model");
        Result garbage = lab("generate", text.toString());
        assertThat(garbage.exit()).isEqualTo(1);
        assertThat(garbage.err()).contains("not a valid safetensors file: ").contains("notes.safetensors: its header length");

        Path bare = tmp.resolve("bare.safetensors");
        Safetensors.write(bare, Safetensors.read(model).tensors(), Map.of());
        Result noMetadata = lab("generate", bare.toString());
        assertThat(noMetadata.exit()).isEqualTo(1);
        assertThat(noMetadata.err()).contains("bare.safetensors is not an rnnlab model").contains("'task'");
    }

    @Test
    void aClassifierIsRefusedAsNotALanguageModel(@TempDir Path tmp) throws Exception {
        Safetensors.Contents contents = Safetensors.read(model);
        Map<String, String> meta = new LinkedHashMap<>(contents.metadata());
        meta.put("task", "SEQUENCE_CLASSIFICATION");
        Path classifier = tmp.resolve("model.safetensors");
        Safetensors.write(classifier, contents.tensors(), meta);
        Files.copy(model.resolveSibling("vocabulary.txt"), tmp.resolve("vocabulary.txt"));

        Result r = lab("generate", classifier.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is a sequence classification model, not a language model");
    }

    @Test
    void aMissingVocabularyIsNamed(@TempDir Path tmp) throws Exception {
        Path alone = Files.copy(model, tmp.resolve("model.safetensors"));
        Result r = lab("generate", alone.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("vocabulary not found").contains(tmp.resolve("vocabulary.txt").toString());
    }
}
