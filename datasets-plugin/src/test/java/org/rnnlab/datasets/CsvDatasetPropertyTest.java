package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

/**
 * Property-based checks of the CSV reader (jqwik, fixed seeds so a run is repeatable): a file written with
 * RFC 4180 quoting loads exactly the rows written, whatever they hold (delimiters, quotes, line breaks,
 * long fields); cut short, it loads exactly the rows written before the cut or is refused; with a bit
 * flipped or as arbitrary bytes it loads or is refused. A refusal is always an {@link RnnlabException} of
 * one line naming the file, within seconds; nothing else is ever thrown.
 */
class CsvDatasetPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("csv-properties");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** Rows written, and the file's bytes. */
    record Written(List<TextExample> rows, byte[] bytes) {}

    @Provide
    Arbitrary<Written> files() {
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\r', '\t', ',', '"', 'é', '☃')
                .ofMinLength(1).ofMaxLength(30).filter(t -> !t.isBlank());
        // three labels, each at least three times, so a stratified split always trains on every label
        Arbitrary<List<TextExample>> rows = Combinators.combine(texts.list().ofMinSize(9).ofMaxSize(40),
                Arbitraries.of("pos", "neg", "neu").list().ofMinSize(40).ofMaxSize(40))
                .as((t, l) -> {
                    List<TextExample> out = new ArrayList<>();
                    for (int i = 0; i < t.size(); i++) {
                        out.add(new TextExample(t.get(i), i < 9 ? List.of("pos", "neg", "neu").get(i % 3) : l.get(i)));
                    }
                    return out;
                });
        return rows.map(r -> new Written(r, csv(r).getBytes(StandardCharsets.UTF_8)));
    }

    static String csv(List<TextExample> rows) {
        StringBuilder b = new StringBuilder("text,label\n");
        for (TextExample e : rows) {
            b.append(quoted(e.text())).append(',').append(quoted(e.label())).append('\n');
        }
        return b.toString();
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** Loads {@code bytes} as a CSV file: the rows of every split, or null when refused with one line naming the file. */
    private static List<TextExample> loadOrRefuse(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "rows", ".csv");
        Files.write(file, bytes);
        try {
            Dataset d = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new CsvDataset().load(Settings.of(Map.of("path", file.toString())), 3));
            return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (TextExample) e).toList();
        } catch (RnnlabException refused) {
            assertThat(refused.getMessage()).contains(file.toString()).doesNotContain("\n");
            return null;
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> sorted(List<TextExample> rows) {
        return rows.stream().map(e -> e.label() + "\u0000" + e.text()).sorted().toList();
    }

    @Property(tries = 100, seed = "20261211")
    void whatIsWrittenLoadsExactly(@ForAll("files") Written w) throws IOException {
        List<TextExample> loaded = loadOrRefuse(w.bytes());
        assertThat(loaded).as("an intact file loads").isNotNull();
        assertThat(sorted(loaded)).isEqualTo(sorted(w.rows()));
    }

    @Property(tries = 150, seed = "20261212")
    void aFileCutShortLoadsTheRowsBeforeTheCutOrIsRefused(@ForAll("files") Written w,
                                                         @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut)
            throws IOException {
        byte[] shorter = Arrays.copyOf(w.bytes(), cut % w.bytes().length);
        List<TextExample> loaded = loadOrRefuse(shorter);
        if (loaded != null) {
            assertThat(sorted(loaded)).isEqualTo(sorted(w.rows().subList(0, loaded.size())));
        }
    }

    @Property(tries = 200, seed = "20261213")
    void aFlippedBitChangesAtMostTheRowsItFallsInOrIsRefused(@ForAll("files") Written w,
                                                            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where)
            throws IOException {
        byte[] flipped = w.bytes().clone();
        int bit = where % (flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        List<TextExample> loaded = loadOrRefuse(flipped);
        if (loaded != null) {
            List<String> written = new ArrayList<>(sorted(w.rows()));
            long unchanged = sorted(loaded).stream().filter(written::remove).count();
            assertThat(unchanged).as("rows a single flip leaves intact").isGreaterThanOrEqualTo(w.rows().size() - 2);
        }
    }

    @Property(tries = 200, seed = "20261214")
    void arbitraryBytesLoadOrAreRefused(@ForAll byte[] bytes) throws IOException {
        loadOrRefuse(bytes);
    }

    @Property(tries = 20, seed = "20261215")
    void longFieldsAndDeepQuotingLoadExactly(@ForAll @IntRange(min = 1, max = 200_000) int length,
                                             @ForAll @IntRange(min = 1, max = 100_000) int quotes) throws IOException {
        List<TextExample> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String text = i == 0 ? "x".repeat(length) : i == 1 ? "\"".repeat(quotes) : "row " + i + " \"q\"";
            rows.add(new TextExample(text, List.of("pos", "neg", "neu").get(i % 3)));
        }
        List<TextExample> loaded = loadOrRefuse(csv(rows).getBytes(StandardCharsets.UTF_8));
        assertThat(loaded).isNotNull();
        assertThat(sorted(loaded)).isEqualTo(sorted(rows));
    }
}
