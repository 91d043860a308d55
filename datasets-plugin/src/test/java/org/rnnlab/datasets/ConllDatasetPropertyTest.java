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
 * Property-based checks of the CoNLL reader (jqwik, fixed seeds; issue 20, point 7): a file of sentences
 * (one {@code token<TAB>tag} per line, a blank line between sentences) loads exactly the sentences written;
 * cut short it loads the sentences before the cut (the last one possibly shorter) or is refused; with a bit
 * flipped or as arbitrary bytes it loads or is refused with an {@link RnnlabException} of one line naming
 * the file, within seconds, and nothing else is thrown.
 */
class ConllDatasetPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("conll-properties");
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

    /** One sentence: its tokens and their tags. */
    record Sentence(List<String> tokens, List<String> tags) {}

    /** Sentences written, and the file's bytes. */
    record Written(List<Sentence> sentences, byte[] bytes) {}

    @Provide
    Arbitrary<Written> files() {
        // a token holds no white space and does not start a comment or a document marker
        Arbitrary<String> tokens = Arbitraries.strings().withCharRange('!', '~').withChars('é', '☃', 'ß')
                .ofMinLength(1).ofMaxLength(12).filter(t -> !t.startsWith("#") && !t.startsWith("-DOCSTART-"));
        Arbitrary<String> tags = Arbitraries.of("O", "B-PER", "I-PER", "B-LOC", "NOUN", "VERB");
        Arbitrary<Sentence> sentence = Arbitraries.integers().between(1, 12).flatMap(n ->
                net.jqwik.api.Combinators.combine(tokens.list().ofSize(n), tags.list().ofSize(n)).as(Sentence::new));
        return sentence.list().ofMinSize(1).ofMaxSize(15).map(s -> new Written(s, conll(s).getBytes(StandardCharsets.UTF_8)));
    }

    static String conll(List<Sentence> sentences) {
        StringBuilder b = new StringBuilder();
        for (Sentence s : sentences) {
            for (int i = 0; i < s.tokens().size(); i++) {
                b.append(s.tokens().get(i)).append('\t').append(s.tags().get(i)).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Loads {@code bytes} as a CoNLL file: every sentence as token and tag lists, or null when refused. */
    private static List<Sentence> loadOrRefuse(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "sentences", ".conll");
        Files.write(file, bytes);
        try {
            Dataset d = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new ConllDataset()
                    .load(Settings.of(Map.of("path", file.toString(), "validation", "0", "test", "0")), 7));
            return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (TextExample) e)
                    .map(e -> new Sentence(List.of(e.text().split(" ")), e.tags())).toList();
        } catch (RnnlabException refused) {
            assertThat(refused.getMessage()).contains(file.toString()).doesNotContain("\n");
            return null;
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> sorted(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::toString).sorted().toList();
    }

    @Property(tries = 100, seed = "20261231")
    void whatIsWrittenLoadsExactly(@ForAll("files") Written w) throws IOException {
        List<Sentence> loaded = loadOrRefuse(w.bytes());
        assertThat(loaded).as("an intact file loads").isNotNull();
        assertThat(sorted(loaded)).isEqualTo(sorted(w.sentences()));
    }

    @Property(tries = 100, seed = "20261232")
    void aFileCutShortLoadsTheSentencesBeforeTheCutOrIsRefused(@ForAll("files") Written w,
                                                              @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut)
            throws IOException {
        List<Sentence> loaded = loadOrRefuse(Arrays.copyOf(w.bytes(), cut % w.bytes().length));
        if (loaded != null) {
            // all but at most one (the one cut) are sentences written before the cut
            assertThat(loaded.size()).isLessThanOrEqualTo(w.sentences().size());
            List<String> before = new ArrayList<>(sorted(w.sentences().subList(0, loaded.size())));
            long whole = sorted(loaded).stream().filter(before::remove).count();
            assertThat(whole).isGreaterThanOrEqualTo(loaded.size() - 1);
        }
    }

    @Property(tries = 150, seed = "20261233")
    void aFlippedBitChangesAtMostTheSentencesItFallsInOrIsRefused(@ForAll("files") Written w,
                                                                 @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where)
            throws IOException {
        byte[] flipped = w.bytes().clone();
        int bit = where % (flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        List<Sentence> loaded = loadOrRefuse(flipped);
        if (loaded != null) {
            // a flip may join two sentences (a blank line gone) or split one (a new line): at most two change
            List<String> written = new ArrayList<>(sorted(w.sentences()));
            long unchanged = sorted(loaded).stream().filter(written::remove).count();
            assertThat(unchanged).isGreaterThanOrEqualTo(w.sentences().size() - 2);
        }
    }

    @Property(tries = 200, seed = "20261234")
    void arbitraryBytesLoadOrAreRefused(@ForAll byte[] bytes) throws IOException {
        loadOrRefuse(bytes);
    }
}
