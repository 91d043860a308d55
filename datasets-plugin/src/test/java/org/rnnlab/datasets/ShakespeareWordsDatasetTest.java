package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.experiment.Settings;

class ShakespeareWordsDatasetTest {
    private static String text(Example e) {
        return ((TextExample) e).text();
    }

    @Test
    void wholeWordsInTextOrderWithTheLastTenthForValidation() {
        Dataset d = new ShakespeareWordsDataset().load(Settings.of(Map.of()), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.LANGUAGE_MODELLING);
        // 202,651 whitespace-separated words (Python's str.split on the same file) in chunks of 30: 6,756
        // examples, the last holding one word; floor(675.6) validate
        assertThat(d.size()).isEqualTo(6_756);
        assertThat(d.validation()).hasSize(675);
        assertThat(d.test()).isEmpty();
        assertThat(text(d.train().getFirst())).startsWith("First Citizen: Before we proceed any further,");
        assertThat(text(d.train().getFirst()).split(" ")).hasSize(30);
        assertThat(text(d.validation().getLast()).split(" ")).hasSize(1);
        String all = Stream.of(d.train(), d.validation()).flatMap(List::stream).map(ShakespeareWordsDatasetTest::text)
                .collect(Collectors.joining(" "));
        assertThat(all.split(" ")).hasSize(202_651);
        // the word tokenizer's tokens (lower-cased words and punctuation), as the PyTorch calibration's regular
        // expression counts them (experiments/tools/next_word_reference.py)
        Tokenizer words = new WordTokenizerFactory().create(Settings.of(Map.of()));
        assertThat(words.tokens(all)).hasSize(253_593);
        // the seed changes nothing but the provenance that records it
        Dataset other = new ShakespeareWordsDataset().load(Settings.of(Map.of()), 7);
        assertThat(other.train()).isEqualTo(d.train());
        assertThat(other.validation()).isEqualTo(d.validation());
    }

    @Test
    void chunkAndHeldOutFractionsAreSettings() {
        Dataset d = new ShakespeareWordsDataset().load(Settings.of(Map.of("chunk", "100", "validation", "0.05",
                "test", "0.05")), 1);
        // ceil(202,651 / 100) = 2,027 examples, floor(101.35) validate and as many test
        assertThat(d.size()).isEqualTo(2_027);
        assertThat(d.validation()).hasSize(101);
        assertThat(d.test()).hasSize(101);
        assertThat(text(d.train().get(1)).split(" ")).hasSize(100);
        assertThatThrownBy(() -> new ShakespeareWordsDataset().load(Settings.of(Map.of("chunk", "0")), 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("chunk");
    }
}
