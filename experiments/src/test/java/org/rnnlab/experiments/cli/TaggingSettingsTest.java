package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.LabProcess.inProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.experiments.cli.LabProcess.Result;

/**
 * The tagging settings (issue 14) in the typed schema: {@code lab describe} lists them with their owners, and
 * bad values stop {@code lab run} with exit 2 before any run folder exists; a malformed CoNLL file fails every
 * variant with one line naming the file and line, before anything trains.
 */
class TaggingSettingsTest {

    @Test
    void describeListsTheTaggingKeys() {
        Result tagging = inProcess("describe", "task", "tagging");
        assertThat(tagging.exit()).as(tagging.err()).isZero();
        assertThat(tagging.out()).contains("bidirectional", "hidden", "embedding");
        Result conll = inProcess("describe", "dataset", "conll");
        assertThat(conll.exit()).as(conll.err()).isZero();
        assertThat(conll.out()).contains("dataset.path", "dataset.token_column", "dataset.tag_column",
                "dataset.validation_path", "dataset.test_path", "dataset.max_length");
        Result boundaries = inProcess("describe", "dataset", "word-boundaries");
        assertThat(boundaries.out()).contains("dataset.length", "dataset.lines");
        assertThat(inProcess("describe", "tokenizer", "whitespace").out()).contains("tokenizer.lowercase", "tokenizer.max_size");
        // a language model must not read the text backwards: the key is not one of its settings
        assertThat(inProcess("describe", "task", "language-modelling").out()).doesNotContain("bidirectional");
    }

    @Test
    void badTaggingSettingsStopTheRunBeforeAnyFolderIsMade(@TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        Result r = inProcess("run", "tagging", "--set", "bidirectional=maybe", "--set",
                "dataset.path=" + tmp.resolve("missing.conll"), "--set", "dataset.token_column=0", "--out", out.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("setting 'bidirectional' must", "'maybe'", "setting 'dataset.path' must be a readable file",
                "setting 'dataset.token_column' must be at least 1").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Result boundaries = inProcess("run", "word-boundaries", "--quick", "--set", "dataset.length=2", "--out", out.toString());
        assertThat(boundaries.exit()).isEqualTo(2);
        assertThat(boundaries.err()).contains("setting 'dataset.length' must be at least 5 but was '2'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMalformedConllFileStopsTheRunNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("short.conll"), "Harry\tB-PER\nPotter\nmet\tO\n");
        Path out = tmp.resolve("runs");
        Result r = inProcess("run", "tagging", "--set", "dataset.path=" + bad, "--set", "dataset.tag_column=2",
                "--out", out.toString());

        // the file is read for each variant, which fails with the reader's one line; nothing is trained or saved
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED    uni_s1: " + bad + " line 2: 1 column but 2 are needed",
                "FAILED    bi_s1: " + bad + " line 2: 1 column but 2 are needed");
        try (var files = Files.walk(tmp)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("model.safetensors", "checkpoint");
        }
    }
}
