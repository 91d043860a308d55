package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Property-based checks of the TSV reader (the {@code csv} dataset on a {@code .tsv} file, tab-delimited;
 * jqwik, fixed seeds; issue 20, point 7), with quotes read as plain text ({@code quote=off}, as TSV
 * files usually are) and as RFC 4180 quotes: a file loads exactly the rows written; cut short it loads the
 * rows before the cut or is refused; a bit flipped, a tab added to a row, or arbitrary bytes load or are
 * refused with an {@link RnnlabException} of one line naming the file, within seconds, nothing else.
 */
class TsvDatasetPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("tsv-properties");
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

    /** Rows written, the file's bytes, and whether quotes are plain text. */
    record Written(List<TextExample> rows, byte[] bytes, boolean plainQuotes) {}

    @Provide
    Arbitrary<Written> files() {
        // a TSV field holds anything but a tab or a line break; quotes only when they are plain text
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars(',', 'é', '☃', ';')
                .ofMinLength(1).ofMaxLength(30).filter(t -> !t.isBlank());
        Arbitrary<List<TextExample>> rows = Combinators.combine(texts.list().ofMinSize(9).ofMaxSize(40),
                Arbitraries.of("pos", "neg", "neu").list().ofMinSize(40).ofMaxSize(40))
                .as((t, l) -> {
                    List<TextExample> out = new ArrayList<>();
                    for (int i = 0; i < t.size(); i++) {
                        out.add(new TextExample(t.get(i), i < 9 ? List.of("pos", "neg", "neu").get(i % 3) : l.get(i)));
                    }
                    return out;
                });
        return Combinators.combine(rows, Arbitraries.of(true, false)).as((r, plain) -> {
            List<TextExample> kept = plain ? r : r.stream()
                    .map(e -> new TextExample(e.text().replace("\"", "'"), e.label())).toList();
            return new Written(kept, tsv(kept).getBytes(StandardCharsets.UTF_8), plain);
        });
    }

    static String tsv(List<TextExample> rows) {
        StringBuilder b = new StringBuilder("text\tlabel\n");
        for (TextExample e : rows) {
            b.append(e.text()).append('\t').append(e.label()).append('\n');
        }
        return b.toString();
    }

    /** Loads {@code bytes} as a .tsv file: the rows of every split, or null when refused with one line naming the file. */
    private static List<TextExample> loadOrRefuse(byte[] bytes, boolean plainQuotes) throws IOException {
        Path file = Files.createTempFile(dir, "rows", ".tsv");
        Files.write(file, bytes);
        Map<String, String> options = new HashMap<>(Map.of("path", file.toString()));
        if (plainQuotes) {
            options.put("quote", "off");
        }
        try {
            Dataset d = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new CsvDataset().load(Settings.of(options), 3));
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

    @Property(tries = 100, seed = "20261221")
    void whatIsWrittenLoadsExactly(@ForAll("files") Written w) throws IOException {
        List<TextExample> loaded = loadOrRefuse(w.bytes(), w.plainQuotes());
        assertThat(loaded).as("an intact file loads").isNotNull();
        assertThat(sorted(loaded)).isEqualTo(sorted(w.rows()));
    }

    @Property(tries = 100, seed = "20261222")
    void aFileCutShortLoadsTheRowsBeforeTheCutOrIsRefused(@ForAll("files") Written w,
                                                         @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut)
            throws IOException {
        byte[] shorter = Arrays.copyOf(w.bytes(), cut % w.bytes().length);
        List<TextExample> loaded = loadOrRefuse(shorter, w.plainQuotes());
        if (loaded != null) {
            // every row is one written before the cut, but the last, which may have lost the end of its label
            assertThat(loaded.size()).isLessThanOrEqualTo(w.rows().size());
            List<String> before = new ArrayList<>(sorted(w.rows().subList(0, loaded.size())));
            long whole = sorted(loaded).stream().filter(before::remove).count();
            assertThat(whole).isGreaterThanOrEqualTo(loaded.size() - 1);
        }
    }

    @Property(tries = 100, seed = "20261223")
    void aTabAddedToARowIsRefusedNamingItsLine(@ForAll("files") Written w,
                                               @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int which)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(new String(w.bytes(), StandardCharsets.UTF_8).split("\n")));
        int row = 1 + which % (lines.size() - 1);
        lines.set(row, lines.get(row) + "\textra");
        List<TextExample> loaded = loadOrRefuse((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                w.plainQuotes());
        assertThat(loaded).as("a row with a field too many is refused").isNull();
        // and the message names the line (checked once here with a fixed file name)
        Path file = dir.resolve("extra-tab.tsv");
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> options = new HashMap<>(Map.of("path", file.toString()));
        if (w.plainQuotes()) {
            options.put("quote", "off");
        }
        try {
            RnnlabException e = Assertions.assertThrows(RnnlabException.class,
                    () -> new CsvDataset().load(Settings.of(options), 3));
            assertThat(e.getMessage()).startsWith(file + " line " + (row + 1) + ": 3 fields but 2 columns");
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 150, seed = "20261224")
    void aFlippedBitOrArbitraryBytesLoadOrAreRefused(@ForAll("files") Written w,
                                                     @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
                                                     @ForAll byte[] noise) throws IOException {
        byte[] flipped = w.bytes().clone();
        int bit = where % (flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        List<TextExample> loaded = loadOrRefuse(flipped, w.plainQuotes());
        if (loaded != null) {
            List<String> written = new ArrayList<>(sorted(w.rows()));
            long unchanged = sorted(loaded).stream().filter(written::remove).count();
            assertThat(unchanged).as("rows a single flip leaves intact").isGreaterThanOrEqualTo(w.rows().size() - 2);
        }
        loadOrRefuse(noise, w.plainQuotes());
    }
}
