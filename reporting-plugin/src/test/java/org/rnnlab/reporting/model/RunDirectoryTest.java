package org.rnnlab.reporting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;

class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void variantFilesLieInTheirOwnFolder() {
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        assertThat(run.variantFile("lstm-s1", "metrics.csv")).isEqualTo(tmp.resolve("run/lstm-s1/metrics.csv").toAbsolutePath());
        assertThat(run.file("summary.csv")).isEqualTo(tmp.resolve("run/summary.csv").toAbsolutePath());
    }

    @Test
    void namesThatWouldLeaveTheRunDirectoryAreRefused() {
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        for (String bad : new String[] {"..", "../elsewhere", "a/../../b", "/etc", ".", "a/b"}) {
            assertThatThrownBy(() -> run.variantDirectory(bad)).as(bad).isInstanceOf(RnnlabException.class)
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> run.variantFile("ok", "../../x.csv")).isInstanceOf(RnnlabException.class);
        assertThatThrownBy(() -> run.file("../summary.csv")).isInstanceOf(RnnlabException.class);
    }

    @Test
    void writeReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        Path file = run.variantFile("v", "metrics.csv");
        run.write(file, "first\n");
        run.write(file, "second\n");
        assertThat(Files.readString(file)).isEqualTo("second\n");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("metrics.csv");
        }
        assertThatThrownBy(() -> run.write(tmp.resolve("outside.txt"), "x")).isInstanceOf(RnnlabException.class);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // readable by others as any new file is (umask permitting): reports are meant to be shared
            Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void aFailedWriteNamesTheFileAndCauseAndLeavesNoTemporaryFile() throws Exception {
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        Path page = run.file("comparison.html");
        Files.createDirectories(page.resolve("in-the-way"));
        Files.writeString(run.file("summary.csv"), "kept\n");
        Path blocked = run.variantFile("v", "report.html");
        Files.writeString(blocked.getParent(), "a file where the variant's folder goes");

        assertThatThrownBy(() -> run.write(page, "<html>")).isInstanceOf(java.io.IOException.class)
                .hasMessage("cannot write " + page + ": Is a directory");
        assertThatThrownBy(() -> run.write(blocked, "<html>")).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("cannot write " + blocked + ": ");

        try (var files = Files.list(run.root())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("comparison.html", "summary.csv", "v");
        }
        assertThat(Files.readString(run.file("summary.csv"))).isEqualTo("kept\n");
    }
}
