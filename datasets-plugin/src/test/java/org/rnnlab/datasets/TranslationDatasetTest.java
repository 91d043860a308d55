package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.Settings;

class TranslationDatasetTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private Dataset load(Path file, String... options) {
        Map<String, String> m = new HashMap<>();
        m.put("path", file.toString());
        for (int i = 0; i < options.length; i += 2) {
            m.put(options[i], options[i + 1]);
        }
        return new TranslationDataset().load(Settings.of(m), 7);
    }

    /** n pairs in the Anki layout: English, French, attribution. */
    private static String anki(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("He said \"go\" ").append(i).append(".\tIl a dit « va » ").append(i)
                    .append(".\tCC-BY 2.0 (France) Attribution: tatoeba.org #").append(i).append('\n');
        }
        return b.toString();
    }

    private static List<PairExample> all(Dataset d) {
        return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (PairExample) e).toList();
    }

    @Test
    void readsTheAnkiLayoutIgnoringFurtherColumnsAndSplits801010BySeed() throws IOException {
        Path file = write("fra.txt", anki(100));
        Dataset d = load(file);
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_TO_SEQUENCE);
        assertThat(d.train()).hasSize(80);
        assertThat(d.validation()).hasSize(10);
        assertThat(d.test()).hasSize(10);
        assertThat(all(d)).contains(new PairExample("He said \"go\" 42.", "Il a dit « va » 42."));
        assertThat(d).isEqualTo(load(file));
        assertThat(d.test()).isNotEqualTo(new TranslationDataset().load(Settings.of(Map.of("path", file.toString())), 8).test());
        assertThat(d.provenance()).containsEntry("train.size", "80").containsEntry("source", file.toString());
    }

    @Test
    void givenValidationAndTestFilesReplaceTheSplit() throws IOException {
        Path train = write("train.tsv", anki(30));
        Path val = write("val.tsv", "a\tb\n");
        Path test = write("test.tsv", "c\td\n\ne\tf\n");
        Dataset d = load(train, "validation_path", val.toString(), "test_path", test.toString());
        assertThat(d.train()).hasSize(30);
        assertThat(d.validation()).containsExactly(new PairExample("a", "b"));
        assertThat(d.test()).containsExactly(new PairExample("c", "d"), new PairExample("e", "f"));
    }

    @Test
    void theLengthFiltersDropLongPairsAndCountThem() throws IOException {
        Path file = write("p.tsv", "short\tcourt\na much longer sentence here\tune phrase bien plus longue\nmid size\tmoyen\n");
        Dataset d = load(file, "max_words", "2", "validation", "0", "test", "0");
        assertThat(all(d)).extracting(PairExample::source).containsExactlyInAnyOrder("short", "mid size");
        assertThat(d.provenance()).containsEntry("pairs.dropped", "1");
        assertThat(all(load(file, "max_length", "5", "validation", "0", "test", "0"))).extracting(PairExample::source)
                .containsExactly("short");
    }

    @Test
    void raggedLinesAreRefusedNamingFileAndLine() throws IOException {
        Path file = write("r.tsv", "a\tb\tc\nd\te\tf\ng\th\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3: 2 tab-separated columns, but the first pair has 3");
        Path noTab = write("n.tsv", "a\tb\njust one side\n");
        assertThatThrownBy(() -> load(noTab)).isInstanceOf(RnnlabException.class)
                .hasMessageStartingWith(noTab + " line 2: no tab between source and target");
    }

    @Test
    void emptySidesAreRefusedNamingFileLineAndSide() throws IOException {
        Path file = write("e.tsv", "a\tb\n\n  \tc\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3: the source (column 1) is empty");
        Path target = write("t.tsv", "a\t \n");
        assertThatThrownBy(() -> load(target)).isInstanceOf(RnnlabException.class)
                .hasMessage(target + " line 1: the target (column 2) is empty");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path invalid = Files.write(dir.resolve("b.bin"), new byte[] {'a', '\t', 'b', '\n', (byte) 0xC3, 0x28, 0, 1});
        assertThatThrownBy(() -> load(invalid)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("is not valid UTF-8").hasMessageContaining("line 2");
        Path nul = Files.write(dir.resolve("z.bin"), new byte[] {'a', '\t', 'b', '\n', 'P', 'K', 3, 4, '\t', 0, 'x', '\n'});
        assertThatThrownBy(() -> load(nul)).isInstanceOf(RnnlabException.class)
                .hasMessage(nul + " line 2: control character U+0003 at column 3; this does not look like a text file of sentence pairs");
    }

    @Test
    void aMissingFileIsRefusedNamingItAndTheSetting() {
        Path missing = dir.resolve("nowhere.tsv");
        // refused by the path's rule, which the settings validation also applies before any training
        assertThatThrownBy(() -> load(missing)).isInstanceOf(RnnlabException.class)
                .hasMessage("setting 'dataset.path' must be a readable file but was '" + missing + "'");
        Path other = dir.resolve("nope.tsv");
        assertThatThrownBy(() -> load(dir.resolve("x.tsv"), "test_path", other.toString()))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("x.tsv").hasMessageContaining("dataset.path")
                .hasMessageContaining("setting 'dataset.test_path' must be a readable file but was '" + other + "'");
    }
}
