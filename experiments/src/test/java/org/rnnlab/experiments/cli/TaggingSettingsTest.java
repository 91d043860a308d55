package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tagging settings (issue 14) in the typed schema: {@code lab describe} lists them with their owners, and
 * bad values stop {@code lab run} with exit 2 before any run folder exists.
 */
class TaggingSettingsTest {

    private record Result(int exit, String out, String err) {}

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void describeListsTheTaggingKeys() {
        Result tagging = lab("describe", "task", "tagging");
        assertThat(tagging.exit()).as(tagging.err()).isZero();
        assertThat(tagging.out()).contains("bidirectional", "hidden", "embedding");
        Result conll = lab("describe", "dataset", "conll");
        assertThat(conll.exit()).as(conll.err()).isZero();
        assertThat(conll.out()).contains("dataset.path", "dataset.token_column", "dataset.tag_column",
                "dataset.validation_path", "dataset.test_path", "dataset.max_length");
        Result boundaries = lab("describe", "dataset", "word-boundaries");
        assertThat(boundaries.out()).contains("dataset.length", "dataset.lines");
        assertThat(lab("describe", "tokenizer", "whitespace").out()).contains("tokenizer.lowercase", "tokenizer.max_size");
        // a language model must not read the text backwards: the key is not one of its settings
        assertThat(lab("describe", "task", "language-modelling").out()).doesNotContain("bidirectional");
    }

    @Test
    void badTaggingSettingsStopTheRunBeforeAnyFolderIsMade(@TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        Result r = lab("run", "tagging", "--set", "bidirectional=maybe", "--set",
                "dataset.path=" + tmp.resolve("missing.conll"), "--set", "dataset.token_column=0", "--out", out.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("setting 'bidirectional' must", "'maybe'", "setting 'dataset.path' must be a readable file",
                "setting 'dataset.token_column' must be at least 1").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Result boundaries = lab("run", "word-boundaries", "--quick", "--set", "dataset.length=2", "--out", out.toString());
        assertThat(boundaries.exit()).isEqualTo(2);
        assertThat(boundaries.err()).contains("setting 'dataset.length' must be at least 5 but was '2'");
        assertThat(out).doesNotExist();
    }
}
