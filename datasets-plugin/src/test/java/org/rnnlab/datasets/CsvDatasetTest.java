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

class CsvDatasetTest {
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
        return new CsvDataset().load(Settings.of(m), 7);
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("text,label\n");
        for (int i = 0; i < n; i++) {
            b.append("\"sentence ").append(i).append(", with a comma\",").append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        return b.toString();
    }

    private static List<TextExample> all(Dataset d) {
        return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (TextExample) e).toList();
    }

    @Test
    void loadsEveryRowWithQuotedDelimitersIntactAndStratifies() throws IOException {
        Dataset d = load(write("reviews.csv", rows(100)));
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_CLASSIFICATION);
        assertThat(d.size()).isEqualTo(100);
        assertThat(d.train()).hasSize(80);
        assertThat(d.validation()).hasSize(10);
        assertThat(d.test()).hasSize(10);
        assertThat(d.labels()).containsExactly("neg", "pos");
        assertThat(d.test().stream().filter(e -> ((TextExample) e).label().equals("pos"))).hasSize(5);
        assertThat(all(d)).extracting(TextExample::text).contains("sentence 42, with a comma");
        assertThat(d.provenance()).containsEntry("train.size", "80").containsEntry("seed", "7")
                .containsEntry("source", dir.resolve("reviews.csv").toString())
                .hasEntrySatisfying("sha256." + dir.resolve("reviews.csv"), h -> assertThat(h).hasSize(64));
    }

    @Test
    void theSameSeedGivesTheSameSplitsAndAnotherSeedOthers() throws IOException {
        Path file = write("reviews.csv", rows(60));
        Map<String, String> m = Map.of("path", file.toString());
        assertThat(new CsvDataset().load(Settings.of(m), 1)).isEqualTo(new CsvDataset().load(Settings.of(m), 1));
        assertThat(new CsvDataset().load(Settings.of(m), 1).test()).isNotEqualTo(new CsvDataset().load(Settings.of(m), 2).test());
    }

    @Test
    void readsTsvWithoutHeaderOrQuotingByColumnNumber() throws IOException {
        Path file = write("data.tsv", "He said \"hi\"\tyes\nShe said \"no, never\"\tno\n".repeat(10));
        Dataset d = load(file, "header", "false", "quote", "off", "text", "1", "label", "2");
        assertThat(d.size()).isEqualTo(20);
        assertThat(all(d)).extracting(TextExample::text).contains("He said \"hi\"", "She said \"no, never\"");
    }

    @Test
    void delimiterSpellingsAndNamedColumns() throws IOException {
        Path file = write("semi.txt", "id;Sentence;Mood\n" + "1;a b;x\n2;c d;y\n".repeat(10));
        Dataset d = load(file, "delimiter", ";", "text", "Sentence", "label", "mood");
        assertThat(all(d)).extracting(TextExample::label).containsOnly("x", "y");
        Path tabs = write("tabs.txt", "text\tlabel\n" + "a\tx\nb\ty\n".repeat(10));
        assertThat(load(tabs, "delimiter", "tab").size()).isEqualTo(20);
        assertThat(load(tabs, "delimiter", "\\t").size()).isEqualTo(20);
    }

    @Test
    void aSplitColumnFixesTheSplits() throws IOException {
        Path file = write("given.csv", "text,label,split\na,x,train\nb,y,train\nc,x,validation\nd,y,test\n");
        Dataset d = load(file, "split", "split");
        assertThat(d.train()).extracting(e -> ((TextExample) e).text()).containsExactly("a", "b");
        assertThat(d.validation()).hasSize(1);
        assertThat(d.test()).hasSize(1);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.csv", "");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " is empty: no header and no rows");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws IOException {
        Path file = write("header.csv", "text,label\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " has a header row (text, label) but no data rows");
    }

    @Test
    void aRowWithTooFewFieldsNamesFileLineAndColumn() throws IOException {
        Path file = write("few.csv", "text,label\ngood,x\n\"two\nlines\",y\nmissing label\nlater,x\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 5: 1 field but 2 columns; missing 'label' (column 2)");
    }

    @Test
    void aRowWithTooManyFieldsNamesFileLineAndTheExtraField() throws IOException {
        Path file = write("many.csv", "text,label\ngood,x\nan unquoted, comma,y\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3: 3 fields but 2 columns; field 3 ('y') has no column"
                        + " (a delimiter inside a text needs the text in double quotes)");
    }

    @Test
    void anUnclosedQuoteNamesWhereItOpens() throws IOException {
        Path file = write("quote.csv", "text,label\ngood,x\n\"never closed,y\nmore,x\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3, column 1: a quote opens a field that is never closed (it runs to the end"
                        + " of the file); close it, or set dataset.quote=off if quotes in this file are plain text");
    }

    @Test
    void textAfterAClosingQuoteIsRefused() throws IOException {
        Path file = write("stray.csv", "text,label\ngood,x\n\"quoted\" then more,y\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessageStartingWith(file + " line 3, column 1: a quoted field must be followed by the delimiter")
                .hasMessageContaining("dataset.quote=off");
    }

    @Test
    void invalidUtf8NamesTheByteOffsetAndLine() throws IOException {
        byte[] head = "text,label\ncaf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // "é" in Latin-1: not UTF-8
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = 'x';
        bytes[head.length + 3] = '\n';
        Path file = Files.write(dir.resolve("latin1.csv"), bytes);
        assertThatThrownBy(() -> load(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " is not valid UTF-8: byte offset 14 (line 2, byte 4 of the line) holds 0xE9;"
                        + " save the file as UTF-8");
    }

    @Test
    void aTestLabelNeverSeenInTrainingIsRefused() throws IOException {
        Path file = write("unseen.csv", "text,label,split\na,x,train\nb,y,train\nc,x,test\nd,neutral,test\n");
        assertThatThrownBy(() -> load(file, "split", "split")).isInstanceOf(RnnlabException.class)
                .hasMessage(file + ": label 'neutral' is in the test split (1 example, first on line 5) but never in the"
                        + " training split; training labels: x, y");
    }

    @Test
    void aStratifiedSplitPutsARareLabelInTrainingFirst() throws IOException {
        Dataset d = load(write("rare.csv", rows(40) + "lonely,rare\n"));
        assertThat(d.train()).extracting(e -> ((TextExample) e).label()).contains("rare");
        assertThat(d.size()).isEqualTo(41);
    }

    @Test
    void aMissingFileIsRefusedWithItsPath() {
        Path file = dir.resolve("nowhere.csv");
        // refused by the path's rule, which the settings validation also applies before any training
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("setting 'dataset.path' must be a readable file but was '" + file + "'");
        assertThatThrownBy(() -> new CsvDataset().load(Settings.of(Map.of()), 1)).isInstanceOf(ConfigException.class)
                .hasMessage("setting 'dataset.path' is required");
    }

    @Test
    void aTextColumnThatDoesNotExistListsTheColumnsThatDo() throws IOException {
        Path file = write("cols.csv", "sentence,score\na,1\n");
        assertThatThrownBy(() -> load(file, "label", "score", "text", "txt")).isInstanceOf(ConfigException.class)
                .hasMessage(file + " has no column 'txt' (dataset.text); its columns are: 'sentence', 'score' (or numbers 1..2)");
        assertThatThrownBy(() -> load(file, "header", "false", "text", "3")).isInstanceOf(ConfigException.class)
                .hasMessage(file + " has no column '3' (dataset.text); without a header row (dataset.header=false)"
                        + " columns are numbered 1..2");
    }

    @Test
    void emptyTextsAndLabelsAreRefusedBlankRowsAreCounted() throws IOException {
        Path noText = write("notext.csv", "text,label\na,x\n,y\n");
        assertThatThrownBy(() -> load(noText)).hasMessage(noText + " line 3: the text in 'text' (column 1) is empty");
        Path noLabel = write("nolabel.csv", "text,label\na,x\nb, \n");
        assertThatThrownBy(() -> load(noLabel)).hasMessage(noLabel + " line 3: the label in 'label' (column 2) is empty");
        Dataset d = load(write("blank.csv", rows(20) + "\n\n"));
        assertThat(d.size()).isEqualTo(20);
        assertThat(d.provenance()).containsEntry("rows.blank", "2");
    }

    @Test
    void textAndLabelCannotBeTheSameColumn() throws IOException {
        Path file = write("same.csv", rows(10));
        assertThatThrownBy(() -> load(file, "label", "text")).isInstanceOf(ConfigException.class)
                .hasMessage("settings 'dataset.text' and 'dataset.label' name the same column, 'text' (column 1)");
    }

    @Test
    void aLargeFileLoadsCompletelyAndQuickly() throws IOException {
        StringBuilder b = new StringBuilder("text,label\n");
        for (int i = 0; i < 50_000; i++) {
            b.append("\"row ").append(i).append(", quoted\",").append(i % 3).append('\n');
        }
        Path file = write("large.csv", b.toString());
        long start = System.nanoTime();
        Dataset d = load(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(d.size()).isEqualTo(50_000);
        // a per-row scan of the file for line numbers would be quadratic: minutes, not this
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void unknownOptionsAndBadDelimitersAreRefused() throws IOException {
        Path file = write("ok.csv", rows(10));
        assertThatThrownBy(() -> load(file, "colum", "x")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown setting 'dataset.colum': dataset 'csv' takes dataset.delimiter,");
        assertThatThrownBy(() -> load(file, "delimiter", "::")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'dataset.delimiter' must be one character");
    }

    @Test
    void aTinyFileKeepsEveryRowInTrainingWhenAFractionRoundsToNothing() throws IOException {
        // 5 rows per label: floor(5 * 0.1) = 0 rows per label for validation and test
        Dataset d = load(write("tiny.csv", rows(10)));
        assertThat(d.train()).hasSize(10).allMatch(e -> e instanceof TextExample t && t.labelled());
        assertThat(d.validation()).isEmpty();
        assertThat(d.test()).isEmpty();
    }
}
