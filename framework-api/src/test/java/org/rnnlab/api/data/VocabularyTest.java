package org.rnnlab.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;

class VocabularyTest {

    @Test
    void specialsComeFirstThenTokensByCountThenAlphabetically() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("b", 2, "a", 2, "c", 5, "d", 1), Integer.MAX_VALUE, 1);
        assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "c", "a", "b", "d");
        assertThat(v.id("<pad>")).isEqualTo(Vocabulary.PAD).isZero();
        assertThat(v.id("<unk>")).isEqualTo(Vocabulary.UNK).isEqualTo(1);
        assertThat(v.id("<bos>")).isEqualTo(2);
        assertThat(v.id("<eos>")).isEqualTo(3);
        assertThat(v.id("c")).isEqualTo(4);
        assertThat(v.token(5)).isEqualTo("a");
    }

    @Test
    void unknownTokensMapToUnk() {
        Vocabulary v = Vocabulary.of(List.of("x"));
        assertThat(v.id("never seen")).isEqualTo(Vocabulary.UNK);
        assertThat(v.ids(List.of("x", "y"))).containsExactly(4, 1);
        assertThat(v.contains("y")).isFalse();
    }

    @Test
    void sizeCapCountsTheSpecialsAndMinCountDropsRareTokens() {
        Map<String, Integer> counts = Map.of("a", 9, "b", 8, "c", 7, "rare", 1);
        assertThat(Vocabulary.fromCounts(counts, 6, 1).tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "a", "b");
        assertThat(Vocabulary.fromCounts(counts, 100, 2).tokens()).doesNotContain("rare").hasSize(7);
        assertThatThrownBy(() -> Vocabulary.fromCounts(counts, 3, 1)).hasMessageContaining("below the 4 special tokens");
        assertThatThrownBy(() -> Vocabulary.fromCounts(counts, 10, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void aTokenSpeltLikeASpecialKeepsTheSpecialId() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("<unk>", 10, "x", 1), 100, 1);
        assertThat(v.size()).isEqualTo(5);
        assertThat(v.id("<unk>")).isEqualTo(Vocabulary.UNK);
    }

    @Test
    void savesAndLoadsTrickyTokensOnePerLine(@TempDir Path dir) throws IOException {
        Vocabulary v = Vocabulary.of(List.of(" ", "\n", "\\", "\\n", "\t", "\r", "café", "👍🏽", "#", "a b"));
        Path file = dir.resolve("vocab.txt");
        v.save(file);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(v.size() + 1)
                .contains("\\s", "\\n", "\\\\", "\\\\n", "café", "a\\sb");
        Vocabulary back = Vocabulary.load(file);
        assertThat(back).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(back.id("👍🏽")).isEqualTo(v.id("👍🏽"));
    }

    @Test
    void aDamagedFileIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, Vocabulary.HEADER + "\n<pad>\n<unk>\n<bos>\n<eos>\nok\nbad\\q\n");
        assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("line 7").hasMessageContaining("unknown escape '\\q'");
        Files.writeString(file, "a\nb\n");
        assertThatThrownBy(() -> Vocabulary.load(file)).hasMessageContaining("line 1: expected '# rnnlab vocabulary 1'");
        Files.writeString(file, Vocabulary.HEADER + "\n<pad>\n<unk>\n<bos>\n<eos>\nx\nx\n");
        assertThatThrownBy(() -> Vocabulary.load(file)).hasMessageContaining("'x' occurs twice");
        assertThatThrownBy(() -> Vocabulary.load(dir.resolve("missing.txt"))).hasMessageContaining("not found");
    }
}
