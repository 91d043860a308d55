package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab run} with sizes and rates out of range (issue 20): exit 2 (settings that do not fit), every problem listed, no run folder made. */
class OutOfRangeSettingsTest {

    @Test
    void theIssuesValuesStopTheRunBeforeAnyFolderIsMade(@TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = Lab.commandLine(new PrintWriter(stdout), new PrintWriter(stderr)).execute("run", "hello",
                "--set", "hidden=-5", "--set", "epochs=0", "--set", "batch=0", "--set", "lr=-1",
                "--set", "layers=100000", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("setting 'hidden' must be between 1 and 16384 but was '-5'",
                "setting 'epochs' must be between 1", "setting 'batch' must be between 1", "setting 'lr' must ",
                "setting 'layers' must be between 1 and 64 but was '100000'").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelThatCannotFitTheHeapIsRefusedBeforeAnyFolderIsMade(@TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        // each setting in range, together ~275 GB of recurrent weights and gradients alone
        int exit = Lab.commandLine(new PrintWriter(stdout), new PrintWriter(stderr)).execute("run", "hello",
                "--set", "hidden=16384", "--set", "layers=64", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        // the bound itself is checked in SequenceModelSettingsTest; here: one line per variant, before anything
        assertThat(stderr.toString()).containsPattern("variant '[^']+': its model needs at least 27\\d,\\d{3} MB of heap "
                        + "but the JVM has [\\d,]+ MB; lower hidden, layers or batch, or raise -Xmx")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelThatFitsIsNotRefused(@TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(stdout), new PrintWriter(stderr)).execute("run", "hello", "--quick",
                "--set", "hidden=16", "--threads", "1", "--out", out.toString());
        assertThat(exit).as(stdout + "" + stderr).isZero();
        assertThat(stderr.toString()).doesNotContain("needs at least");
    }
}
