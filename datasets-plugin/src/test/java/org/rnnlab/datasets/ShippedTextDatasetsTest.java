package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class ShippedTextDatasetsTest {
    private static String text(Example e) {
        return ((TextExample) e).text();
    }

    @Test
    void dinosaursAreOneLowercaseNamePerExampleSplit90To10() {
        Dataset d = new DinosaursDataset().load(Settings.of(Map.of()), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.LANGUAGE_MODELLING);
        // 1,545 lines: the file's last name has no line break after it and is not lost
        assertThat(d.size()).isEqualTo(1545);
        assertThat(d.validation()).hasSize(154);
        assertThat(Stream.of(d.train(), d.validation()).flatMap(List::stream).map(ShippedTextDatasetsTest::text))
                .contains("zuul");
        assertThat(d.test()).isEmpty();
        assertThat(Stream.of(d.train(), d.validation()).flatMap(List::stream).map(ShippedTextDatasetsTest::text))
                .contains("aachenosaurus").allMatch(n -> n.matches("[a-z]+"));
        assertThat(d.train()).allMatch(e -> !((TextExample) e).labelled());
        Tokenizer chars = new CharacterTokenizerFactory().create(Settings.of(Map.of()));
        Vocabulary v = chars.fit(d.train().stream().map(ShippedTextDatasetsTest::text).toList());
        assertThat(v.size()).isEqualTo(4 + 26);
        assertThat(d.provenance()).containsEntry("sha256.dinos.txt", "022d7aa8af5fc63d95413bad8c285253db8e4379b17ac3f57a3ec11ac2e181b9");
        assertThat(new DinosaursDataset().load(Settings.of(Map.of()), 1)).isEqualTo(d);
    }

    @Test
    void helloIsTheOneWordOverFourLetters() {
        Dataset d = new HelloDataset().load(Settings.of(Map.of()), 0);
        assertThat(d.train()).containsExactly(TextExample.unlabelled("hello"));
        Tokenizer chars = new CharacterTokenizerFactory().create(Settings.of(Map.of()));
        assertThat(chars.fit(List.of("hello")).tokens()).containsExactlyInAnyOrder("<pad>", "<unk>", "<bos>", "<eos>", "h", "e", "l", "o");
    }

    @Test
    void shakespeareChunksInTextOrderWithTheLastTenthForValidation() {
        Dataset d = new ShakespeareDataset().load(Settings.of(Map.of()), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.LANGUAGE_MODELLING);
        // 1,115,394 characters in chunks of 100: 11,154 chunks, the last 54 characters long
        assertThat(d.size()).isEqualTo(11_154);
        assertThat(d.validation()).hasSize(1_115);
        assertThat(text(d.train().getFirst())).startsWith("First Citizen:").hasSize(100);
        String all = Stream.of(d.train(), d.validation()).flatMap(List::stream).map(ShippedTextDatasetsTest::text)
                .collect(Collectors.joining());
        assertThat(all).hasSize(1_115_394);
        Tokenizer chars = new CharacterTokenizerFactory().create(Settings.of(Map.of()));
        assertThat(chars.fit(List.of(all)).size()).isEqualTo(4 + 65);
        Dataset longer = new ShakespeareDataset().load(Settings.of(Map.of("chunk", "1000", "validation", "0.2")), 1);
        assertThat(longer.validation()).hasSize(223);
    }
}
