package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes, help, and one-line errors. */
class LabTest {

    private record Result(int exit, String out, String err) {}

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Result r = lab("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("run", "list", "plugins", "describe", "--version");
    }

    @Test
    void versionNamesRnnlabAndTheApi() {
        Result r = lab("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("rnnlab ").contains("plugin API 1");
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndAHint() {
        Result unknownOption = lab("--bogus");
        Result missingName = lab("run");
        Result nothing = lab();

        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("lab: Unknown option: '--bogus'").contains("Try 'lab --help'");
        assertThat(missingName.exit()).isEqualTo(2);
        assertThat(missingName.err()).contains("NAME").contains("Try 'lab run --help'");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("Usage: lab");
    }

    @Test
    void failuresExitOneWithoutAStackTraceUnlessVerbose() {
        Result quiet = lab("run", "no-such-experiment");
        Result verbose = lab("run", "no-such-experiment", "--verbose");

        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.err()).startsWith("lab: unknown experiment 'no-such-experiment'; known experiments: ")
                .doesNotContain("\tat ");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("UnknownComponentException").contains("\tat ");
    }

    @Test
    void unknownKindIsAUsageErrorListingTheKinds() {
        Result r = lab("describe", "widget", "x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown kind 'widget'; kinds: cell, tokenizer, dataset, task, trainer, optimizer, reporter, experiment");
    }

    @Test
    void aMissingPluginsFolderIsNamed(@TempDir Path tmp) {
        Result r = lab("plugins", "--plugins", tmp.resolve("nope").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("lab: plugins folder " + tmp.resolve("nope").toAbsolutePath() + " does not exist\n");
    }
}
