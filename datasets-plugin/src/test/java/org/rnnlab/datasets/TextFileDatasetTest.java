package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

class TextFileDatasetTest {
    @TempDir
    Path dir;

    private Dataset load(Path file, String... options) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("path", file.toString()));
        for (int i = 0; i < options.length; i += 2) {
            m.put(options[i], options[i + 1]);
        }
        return new TextFileDataset().load(Settings.of(m), 5);
    }

    @Test
    void oneExamplePerNonBlankLineWithBlankLinesCounted() throws IOException {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (int i = 0; i < 50; i++) {
            b.append("ligne numéro ").append(i).append(" 🦕\r\n");
        }
        b.append("\n   \n");
        Dataset d = load(Files.writeString(dir.resolve("lines.txt"), b.toString()));
        assertThat(d.train()).hasSize(45);
        assertThat(d.validation()).hasSize(5);
        assertThat(d.provenance()).containsEntry("lines.blank", "2");
        assertThat(Stream.of(d.train(), d.validation()).flatMap(List::stream).map(e -> ((TextExample) e).text()))
                .contains("ligne numéro 0 🦕", "ligne numéro 49 🦕");
    }

    @Test
    void chunksByCodePointsInTextOrder() throws IOException {
        Dataset d = load(Files.writeString(dir.resolve("c.txt"), "ab🦕cd".repeat(10)), "chunk", "5", "validation", "0.2");
        assertThat(d.train()).hasSize(8).first().isEqualTo(TextExample.unlabelled("ab🦕cd"));
        assertThat(d.validation()).hasSize(2);
    }

    @Test
    void fractionsThatLeaveNoTrainingDataAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "a\nb\n");
        assertThatThrownBy(() -> load(file, "validation", "0.5", "test", "0.5")).isInstanceOf(org.rnnlab.api.ConfigException.class)
                .hasMessage("settings 'dataset.validation' (0.5) + 'dataset.test' (0.5) leave no training data; their sum must be below 1");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.txt"), "\n \n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class).hasMessage(file + " is empty: no text to learn from");
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xC3, '(', '\n'};
        Path file = Files.write(dir.resolve("bad.txt"), bytes);
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " is not valid UTF-8: byte offset 6 (line 2, byte 4 of the line) holds 0xC3;"
                        + " save the file as UTF-8");
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndIsRefused() throws IOException {
        byte[] emoji = "🦕".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = {'h', 'i', emoji[0], emoji[1]};
        Path file = Files.write(dir.resolve("cut.txt"), bytes);
        assertThatThrownBy(() -> load(file)).hasMessageStartingWith(file + " is not valid UTF-8: byte offset 2 (line 1,");
    }

    @Test
    void aMissingFileOrADirectoryIsRefused() {
        // refused by the path's rule, which the settings validation also applies before any training
        assertThatThrownBy(() -> load(dir.resolve("none.txt"))).isInstanceOf(ConfigException.class)
                .hasMessage("setting 'dataset.path' must be a readable file but was '" + dir.resolve("none.txt") + "'");
        assertThatThrownBy(() -> load(dir)).hasMessage("setting 'dataset.path' must be a readable file but was '" + dir + "'");
        // reading the file itself still names what went wrong, should it vanish after the check
        assertThatThrownBy(() -> SourceText.read(dir.resolve("none.txt"), "dataset.path")).isInstanceOf(RnnlabException.class)
                .hasMessage("data file not found: " + dir.resolve("none.txt").toAbsolutePath() + " (dataset.path)");
        assertThatThrownBy(() -> SourceText.read(dir, "dataset.path"))
                .hasMessage("'" + dir.toAbsolutePath() + "' (dataset.path) is a directory, not a data file");
    }
}
