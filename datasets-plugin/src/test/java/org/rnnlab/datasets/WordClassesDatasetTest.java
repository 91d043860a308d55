package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

class WordClassesDatasetTest {
    private final Dataset d = new WordClassesDataset().load(Settings.of(Map.of("count", "600", "validation", "50")), 4);

    @Test
    void everyWordIsTaggedWithItsOwnClassAndEveryClassOccurs() {
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_TAGGING);
        assertThat(d.labels()).containsExactly("adverb", "animal", "colour", "det", "place", "prep", "verb");
        assertThat(d.train()).hasSize(600);
        assertThat(d.validation()).hasSize(50);
        Map<String, List<String>> classes = Map.of("animal", WordClassesDataset.ANIMALS, "colour",
                WordClassesDataset.COLOURS, "verb", WordClassesDataset.VERBS, "place", WordClassesDataset.PLACES,
                "adverb", WordClassesDataset.ADVERBS, "det", WordClassesDataset.DETERMINERS, "prep",
                WordClassesDataset.PREPOSITIONS);
        Map<String, Integer> seen = new HashMap<>();
        for (Example e : d.train()) {
            TextExample t = (TextExample) e;
            String[] words = t.text().split(" ");
            assertThat(t.tags()).hasSize(words.length);
            for (int i = 0; i < words.length; i++) {
                assertThat(classes.get(t.tags().get(i))).as(t.text()).contains(words[i]);
                seen.merge(words[i], 1, Integer::sum);
            }
            // a sentence opens with a noun phrase and its verb follows it
            assertThat(t.tags().getFirst()).isEqualTo("det");
            assertThat(t.tags()).contains("verb");
        }
        // 600 sentences: every word of every class is drawn
        assertThat(seen).hasSize(classes.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void theSameSeedGivesTheSameSentencesAndAnotherSeedOthers() {
        Settings o = Settings.of(Map.of("count", "50", "validation", "5"));
        assertThat(new WordClassesDataset().load(o, 4)).isEqualTo(new WordClassesDataset().load(o, 4));
        assertThat(new WordClassesDataset().load(o, 5).train()).isNotEqualTo(new WordClassesDataset().load(o, 4).train());
    }
}
