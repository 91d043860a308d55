package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class OrderDatasetTest {
    private final Dataset d = new OrderDataset().load(Settings.of(Map.of("length", "12", "count", "400")), 3);

    @Test
    void eachExampleHasBothMarkersOnceAndTheLabelSaysWhichComesFirst() {
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_CLASSIFICATION);
        assertThat(d.labels()).containsExactly("a-first", "b-first");
        assertThat(d.train()).hasSize(400);
        assertThat(d.validation()).hasSize(500);
        for (Example e : d.train()) {
            TextExample t = (TextExample) e;
            List<String> tokens = Arrays.asList(t.text().split(" "));
            assertThat(tokens).hasSize(12);
            assertThat(tokens.stream().filter("A"::equals)).hasSize(1);
            assertThat(tokens.stream().filter("B"::equals)).hasSize(1);
            String expected = tokens.indexOf("A") < tokens.indexOf("B") ? "a-first" : "b-first";
            assertThat(t.label()).isEqualTo(expected);
        }
        assertThat(d.train().stream().filter(e -> ((TextExample) e).label().equals("a-first"))).hasSize(200);
    }

    @Test
    void aBagOfWordsCannotTellTheClassesApart() {
        // the marker counts are the same in both classes; a swapped twin has the same bag but the other label
        Tokenizer bag = new BagOfWordsTokenizerFactory().create(Settings.of(Map.of()));
        Vocabulary v = bag.fit(d.train().stream().map(e -> ((TextExample) e).text()).toList());
        TextExample first = (TextExample) d.train().getFirst();
        String swapped = first.text().replace("A", "#").replace("B", "A").replace("#", "B");
        assertThat(bag.encode(swapped, v)).isEqualTo(bag.encode(first.text(), v));
        for (Example e : d.train()) {
            float[] counts = ((TokenCounts) bag.encode(((TextExample) e).text(), v)).counts();
            assertThat(counts[v.id("a")]).isEqualTo(1f);
            assertThat(counts[v.id("b")]).isEqualTo(1f);
        }
    }

    @Test
    void markerPositionsVaryAndTheSeedFixesThem() {
        Set<Integer> positions = new HashSet<>();
        for (Example e : d.train()) {
            positions.add(Arrays.asList(((TextExample) e).text().split(" ")).indexOf("A"));
        }
        assertThat(positions).hasSize(12);
        assertThat(new OrderDataset().load(Settings.of(Map.of("length", "12", "count", "400")), 3)).isEqualTo(d);
    }
}
