package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

/** What a language model reads through the fixed-window and bag-of-words tokenizers. */
class WindowTokenizersTest {
    private static final String TEXT = "the dog bites the man .";

    @Test
    void fixedWindowGivesEveryWordToPredictAndAnOrderedWindow() {
        Tokenizer window = new FixedWindowTokenizerFactory().create(Settings.of(Map.of("window", "2")));
        Vocabulary v = window.fit(List.of(TEXT));
        assertThat(window.sequenceIds(TEXT, v)).containsExactly(v.ids(List.of("the", "dog", "bites", "the", "man", ".")));
        assertThat(window.sequenceIds("the cat", v)).containsExactly(v.id("the"), Vocabulary.UNK);
        assertThat(window.window()).hasValue(2);
        assertThat(window.ordered()).isTrue();
    }

    @Test
    void bagOfWordsCountsOnlyItsWindowWhenItHasOne() {
        Tokenizer all = new BagOfWordsTokenizerFactory().create(Settings.of(Map.of()));
        Tokenizer last3 = new BagOfWordsTokenizerFactory().create(Settings.of(Map.of("window", "3")));
        Vocabulary v = all.fit(List.of(TEXT));
        assertThat(all.window()).isEmpty();
        assertThat(last3.window()).hasValue(3);
        assertThat(last3.ordered()).isFalse();
        assertThat(((TokenCounts) all.encode(TEXT, v)).counts()[v.id("the")]).isEqualTo(2f);
        float[] counts = ((TokenCounts) last3.encode(TEXT, v)).counts();
        assertThat(counts[v.id("the")]).isEqualTo(1f);
        assertThat(counts[v.id("dog")]).isZero();
        assertThat(counts[v.id("man")] + counts[v.id(".")]).isEqualTo(2f);
        assertThat(last3.sequenceIds(TEXT, v)).hasSize(6);
    }

    @Test
    void theVocabularyCutMapsRareWordsToUnknown() {
        Tokenizer words = new FixedWindowTokenizerFactory().create(Settings.of(Map.of("max_size", "6")));
        Vocabulary v = words.fit(List.of(TEXT));
        // four specials, then "the" (twice) and the first of the words seen once in token order
        assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "the", ".");
        assertThat(words.sequenceIds(TEXT, v)).containsExactly(4, Vocabulary.UNK, Vocabulary.UNK, 4, Vocabulary.UNK, 5);
        Tokenizer frequent = new BagOfWordsTokenizerFactory().create(Settings.of(Map.of("min_count", "2")));
        assertThat(frequent.fit(List.of(TEXT)).tokens()).containsExactly("<pad>", "<unk>", "<bos>", "<eos>", "the");
    }
}
