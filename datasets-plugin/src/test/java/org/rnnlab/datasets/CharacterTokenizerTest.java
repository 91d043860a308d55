package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class CharacterTokenizerTest {
    private final Tokenizer chars = new CharacterTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void emojiOutsideTheBmpStayWholeCodePoints() {
        assertThat(chars.tokens("a🦕b")).containsExactly("a", "🦕", "b");
        // thumbs up + skin-tone modifier: two code points, neither split into surrogate halves
        assertThat(chars.tokens("👍🏽")).containsExactly("👍", "🏽");
    }

    @Test
    void composedAndDecomposedAccentsAreTheSameToken() {
        assertThat(chars.tokens("cafe\u0301")).containsExactly("c", "a", "f", "é");
        assertThat(chars.tokens("café")).isEqualTo(chars.tokens("cafe\u0301"));
    }

    @Test
    void punctuationAndWhiteSpaceAreTokensAndCaseIsKeptByDefault() {
        assertThat(chars.tokens("Hi, you!\n")).containsExactly("H", "i", ",", " ", "y", "o", "u", "!", "\n");
        Tokenizer lower = new CharacterTokenizerFactory().create(Settings.of(Map.of("lowercase", "true")));
        assertThat(lower.tokens("ÉA")).containsExactly("é", "a");
    }

    @Test
    void anEmptyStringHasNoTokens() {
        assertThat(chars.tokens("")).isEmpty();
        assertThat(chars.encode("", chars.fit(List.of("abc")))).isEqualTo(new TokenIds(new int[0]));
        assertThat(chars.join(List.of())).isEmpty();
    }

    @Test
    void joinRestoresTheText() {
        String text = "Où est 🦕 ? «ça»";
        assertThat(chars.join(chars.tokens(text))).isEqualTo(text);
        assertThat(chars.ordered()).isTrue();
    }

    @Test
    void fitsOnTrainingTextAndMapsUnseenCharactersToUnk() {
        Vocabulary v = chars.fit(List.of("hello"));
        assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "l", "e", "h", "o");
        assertThat(((TokenIds) chars.encode("hole!", v)).ids()).containsExactly(6, 7, 4, 5, Vocabulary.UNK);
    }
}
