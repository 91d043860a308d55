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
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

class ConllDatasetTest {
    /** CoNLL-2003's layout: token, POS, chunk, NER tag; a document line and blank lines between sentences. */
    static final String CONLL_2003 = """
            -DOCSTART- -X- -X- O

            EU NNP B-NP B-ORG
            rejects VBZ B-VP O
            German JJ B-NP B-MISC
            call NN I-NP O
            . . O O

            Peter NNP B-NP B-PER
            Blackburn NNP I-NP I-PER

            BRUSSELS NNP B-NP B-LOC
            1996-08-22 CD I-NP O
            """;

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
        return new ConllDataset().load(Settings.of(m), 7);
    }

    private static List<TextExample> all(Dataset d) {
        return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (TextExample) e).toList();
    }

    private static String sentences(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("Harry\tB-PER\nPotter\tI-PER\nsaid\tO\n").append(i).append("\tO\n\n");
        }
        return b.toString();
    }

    @Test
    void readsConll2003WithTheLastColumnAsTags() throws IOException {
        Dataset d = load(write("train.conll", CONLL_2003), "validation", "0", "test", "0");
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_TAGGING);
        assertThat(all(d)).hasSize(3);
        assertThat(all(d)).extracting(TextExample::text)
                .containsExactlyInAnyOrder("EU rejects German call .", "Peter Blackburn", "BRUSSELS 1996-08-22");
        TextExample eu = all(d).stream().filter(e -> e.text().startsWith("EU")).findFirst().orElseThrow();
        assertThat(eu.tags()).containsExactly("B-ORG", "O", "B-MISC", "O", "O");
        assertThat(d.labels()).containsExactly("B-LOC", "B-MISC", "B-ORG", "B-PER", "I-PER", "O");
        assertThat(d.provenance()).containsEntry("train.size", "3")
                .hasEntrySatisfying("sha256." + dir.resolve("train.conll"), h -> assertThat(h).hasSize(64));
    }

    @Test
    void readsUniversalDependenciesByColumnNumbers() throws IOException {
        String ud = """
                # sent_id = 1
                # text = Don't go.
                1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
                1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
                2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
                3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
                3.1\tgone\tgo\tVERB\tVB\t_\t_\t_\t_\t_
                4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

                """;
        Dataset d = load(write("en.conllu", ud), "token_column", "2", "tag_column", "4", "validation", "0", "test", "0");
        assertThat(all(d)).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Do n't go .");
            assertThat(e.tags()).containsExactly("AUX", "PART", "VERB", "PUNCT");
        });
    }

    @Test
    void aHashInsideASentenceIsAToken() throws IOException {
        Dataset d = load(write("tweets.conll", "# a comment\nwe O\n# O\nwin O\n"), "validation", "0", "test", "0");
        assertThat(all(d)).extracting(TextExample::text).containsExactly("we # win");
    }

    @Test
    void splitsBySeedOrTakesTheGivenFiles() throws IOException {
        Path train = write("train.conll", sentences(50));
        Dataset drawn = load(train);
        assertThat(drawn.train()).hasSize(40);
        assertThat(drawn.validation()).hasSize(5);
        assertThat(drawn.test()).hasSize(5);
        assertThat(load(train)).isEqualTo(drawn);
        Dataset given = load(train, "validation_path", write("dev.conll", sentences(3)).toString(),
                "test_path", write("test.conll", sentences(4)).toString());
        assertThat(given.train()).hasSize(50);
        assertThat(given.validation()).hasSize(3);
        assertThat(given.test()).hasSize(4);
        assertThat(given.provenance().get("source")).contains("train.conll", "dev.conll", "test.conll");
    }

    @Test
    void aMissingColumnIsRefusedNamingFileAndLine() throws IOException {
        Path file = write("bad.conll", "Harry B-PER\nPotter\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining(file + " line 2: 1 column but 2 are needed (token column 1 from dataset.token_column, "
                        + "tag column the last, after it): 'Potter'");
        Path four = write("four.conll", "EU NNP B-NP B-ORG\nrejects VBZ O\n");
        assertThatThrownBy(() -> load(four, "tag_column", "4"))
                .hasMessageContaining(four + " line 2: 3 columns but 4 are needed (token column 1 from dataset.token_column, "
                        + "tag column 4 from dataset.tag_column)");
    }

    @Test
    void aSentenceOverTheLengthLimitIsRefused() throws IOException {
        Path file = write("long.conll", "a O\n".repeat(5) + "\n" + "b O\n".repeat(12));
        assertThatThrownBy(() -> load(file, "max_length", "10"))
                .hasMessageContaining(file + " line 17: the sentence that starts on line 7 has more than 10 tokens");
    }

    @Test
    void emptyBinaryAndMissingFilesAreRefused() throws IOException {
        Path empty = write("empty.conll", "\n\n");
        assertThatThrownBy(() -> load(empty)).hasMessageContaining(empty + " is empty");
        Path comments = write("comments.conll", "# only\n\n# comments\n");
        assertThatThrownBy(() -> load(comments)).hasMessageContaining(comments + " has no token lines");
        Path binary = Files.write(dir.resolve("model.bin"), new byte[] {'a', ' ', 'O', '\n', 0, 0, 1, 2});
        assertThatThrownBy(() -> load(binary)).hasMessageContaining(binary + " line 2 holds a NUL byte");
        Path notUtf8 = Files.write(dir.resolve("latin1.conll"), new byte[] {'a', ' ', 'O', '\n', (byte) 0xE9, ' ', 'O'});
        assertThatThrownBy(() -> load(notUtf8)).hasMessageContaining("is not valid UTF-8").hasMessageContaining("line 2");
        // a missing file is refused by the setting's own check, before any run folder is made
        assertThatThrownBy(() -> load(dir.resolve("nowhere.conll"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting 'dataset.path' must be a readable file").hasMessageContaining("nowhere.conll");
        assertThatThrownBy(() -> load(write("ok.conll", sentences(5)), "test_path", dir.resolve("gone.conll").toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting 'dataset.test_path' must be a readable file").hasMessageContaining("gone.conll");
    }

    @Test
    void aTagNeverSeenInTrainingIsRefusedWithItsLine() throws IOException {
        Path train = write("train.conll", sentences(5));
        Path test = write("test.conll", "Hogwarts B-LOC\n\nHarry B-PER\n\nLondon B-LOC\n");
        assertThatThrownBy(() -> load(train, "test_path", test.toString(), "validation", "0"))
                .hasMessageContaining("tag 'B-LOC' in the sentence at " + test + " line 1 is never in the training split");
    }

    @Test
    void badSettingsAreRefused() throws IOException {
        Path file = write("train.conll", sentences(5));
        assertThatThrownBy(() -> load(file, "token_column", "2", "tag_column", "2")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("both column 2");
        assertThatThrownBy(() -> load(file, "token_column", "0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dataset.token_column");
        assertThatThrownBy(() -> load(file, "colum", "2")).isInstanceOf(ConfigException.class).hasMessageContaining("colum");
        assertThatThrownBy(() -> load(write("space.conll", "New York\tB-LOC\n"), "validation", "0", "test", "0"))
                .hasMessageContaining("line 1: the token 'New York' holds white space");
    }
}
