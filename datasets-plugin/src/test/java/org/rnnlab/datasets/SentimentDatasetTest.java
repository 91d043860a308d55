package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

class SentimentDatasetTest {

    private static Dataset load(String source, long seed) {
        return new SentimentDataset().load(Settings.of(Map.of("source", source)), seed);
    }

    private static List<TextExample> all(Dataset d) {
        return Stream.of(d.train(), d.validation(), d.test()).flatMap(List::stream).map(e -> (TextExample) e).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amazon", "imdb", "yelp"})
    void eachSourceHas500PositiveAnd500NegativeSentences(String source) {
        Dataset d = load(source, 1);
        Map<String, Long> counts = all(d).stream().collect(Collectors.groupingBy(TextExample::label, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("negative", 500L, "positive", 500L));
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_CLASSIFICATION);
        assertThat(d.labels()).containsExactly("negative", "positive");
        // stratified 80/10/10: 50 of each label in validation and in test
        assertThat(d.train()).hasSize(800);
        assertThat(d.test().stream().filter(e -> ((TextExample) e).label().equals("positive"))).hasSize(50);
        assertThat(d.validation().stream().filter(e -> ((TextExample) e).label().equals("negative"))).hasSize(50);
    }

    @Test
    void quotedSentencesStayIntactBecauseLinesSplitOnTheLastTab() {
        List<TextExample> yelp = all(load("yelp", 3));
        assertThat(yelp).contains(new TextExample("As for the \"mains,\" also uninspired.", "negative"));
        assertThat(yelp).noneMatch(e -> e.text().contains("\t") || e.text().endsWith(" "));
    }

    @Test
    void allSourcesTogetherAreStratifiedBySourceAndLabel() {
        Dataset d = load("all", 5);
        assertThat(d.size()).isEqualTo(3000);
        assertThat(d.train()).hasSize(2400);
        assertThat(d.validation()).hasSize(300);
        assertThat(d.test()).hasSize(300);
        assertThat(d.provenance()).containsEntry("source", "amazon_cells_labelled.txt, imdb_labelled.txt, yelp_labelled.txt")
                .containsEntry("sha256.yelp_labelled.txt", "c76468b7b5c6e56a0804d728345c5f84aa2142ddb214420f61cc9cfd4c00d2ea");
    }

    @Test
    void splitsAreDeterministicBySeed() {
        assertThat(load("imdb", 11)).isEqualTo(load("imdb", 11));
        assertThat(load("imdb", 11).test()).isNotEqualTo(load("imdb", 12).test());
    }

    @Test
    void anUnknownSourceListsTheSources() {
        assertThatThrownBy(() -> load("twitter", 1)).isInstanceOf(ConfigException.class)
                .hasMessage("setting 'dataset.source' must be one of all, amazon, imdb, yelp but was 'twitter'");
    }

    @Test
    void aLineWithoutATabOrWithABadLabelIsRefusedByLine() {
        SourceText bad = SourceText.decode("x.txt", "fine\t1\nno tab here\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SentimentDataset.parse(bad)).isInstanceOf(RnnlabException.class)
                .hasMessage("x.txt line 2: no tab between the sentence and its 0/1 label");
        SourceText label = SourceText.decode("y.txt", "fine\t2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SentimentDataset.parse(label)).hasMessage("y.txt line 1: label must be 0 or 1 but was '2'");
    }
}
