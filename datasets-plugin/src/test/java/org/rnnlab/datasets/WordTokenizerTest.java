package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class WordTokenizerTest {
    private final Tokenizer words = new WordTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void splitsWordsFromPunctuationAndLowercasesByDefault() {
        assertThat(words.tokens("Hello, World! It's 3.5 (ok)..."))
                .containsExactly("hello", ",", "world", "!", "it's", "3", ".", "5", "(", "ok", ")", ".", ".", ".");
    }

    @Test
    void accentsAndOtherScriptsAreWordCharacters() {
        assertThat(words.tokens("Crème brûlée à l’été — naïve Ελληνικά 東京"))
                .containsExactly("crème", "brûlée", "à", "l’été", "—", "naïve", "ελληνικά", "東京");
        assertThat(words.tokens("cafe\u0301")).containsExactly("café");
    }

    @Test
    void emojiWithModifiersAreOneTokenEach() {
        assertThat(words.tokens("great👍🏽food🦕!")).containsExactly("great", "👍🏽", "food", "🦕", "!");
        assertThat(words.tokens("👨‍👩‍👧 ok")).containsExactly("👨‍👩‍👧", "ok");
    }

    @Test
    void unicodeWhiteSpaceSeparatesAndIsDropped() {
        assertThat(words.tokens("a\u00A0b\tc\u0085d\u2003e  \n")).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void emptyAndBlankStringsHaveNoTokens() {
        assertThat(words.tokens("")).isEmpty();
        assertThat(words.tokens(" \t\n")).isEmpty();
        assertThat(words.encode("", words.fit(List.of("a b")))).isEqualTo(new TokenIds(new int[0]));
    }

    @Test
    void caseIsKeptWhenAsked() {
        Tokenizer cased = new WordTokenizerFactory().create(Settings.of(Map.of("lowercase", "false")));
        assertThat(cased.tokens("The Dog")).containsExactly("The", "Dog");
    }

    @Test
    void sizeCapAndMinCountApplyAtFitTime() {
        Tokenizer capped = new WordTokenizerFactory().create(Settings.of(Map.of("max_size", "6", "min_count", "2")));
        // c: 4, b: 2, d: 2, a: 1 -> a is below the minimum count, d loses the tie with b for the last slot
        Vocabulary v = capped.fit(List.of("a b c c c d", "b c d"));
        assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "c", "b");
        assertThat(((TokenIds) capped.encode("a b d zebra", v)).ids()).containsExactly(1, 5, 1, 1);
    }

    @Test
    void badOptionsAreRefusedByTheirFullName() {
        assertThatThrownBy(() -> new WordTokenizerFactory().create(Settings.of(Map.of("max_size", "2"))))
                .isInstanceOf(ConfigException.class).hasMessage("setting 'tokenizer.max_size' must be at least 4 but was '2'");
        assertThatThrownBy(() -> new WordTokenizerFactory().create(Settings.of(Map.of("lowercas", "true"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting 'tokenizer.lowercas': tokenizer 'word' takes tokenizer.lowercase,"
                        + " tokenizer.max_size, tokenizer.min_count");
    }

    @Test
    void joinSpacesTheTokens() {
        assertThat(words.join(List.of("hello", ",", "world"))).isEqualTo("hello , world");
    }
}
