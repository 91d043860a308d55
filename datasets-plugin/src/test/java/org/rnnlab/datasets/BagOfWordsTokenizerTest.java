package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class BagOfWordsTokenizerTest {
    private final Tokenizer bag = new BagOfWordsTokenizerFactory().create(Settings.of(Map.of()));
    private final Tokenizer words = new WordTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void dogBitesManAndManBitesDogAreTheSameInputForBagOfWordsButNotForWords() {
        List<String> training = List.of("dog bites man", "man bites dog");
        Vocabulary bagVocabulary = bag.fit(training);
        EncodedInput a = bag.encode("dog bites man", bagVocabulary);
        EncodedInput b = bag.encode("man bites dog", bagVocabulary);
        assertThat(a).isEqualTo(b);
        assertThat(a.steps()).isEqualTo(1);
        assertThat(bag.ordered()).isFalse();

        Vocabulary wordVocabulary = words.fit(training);
        assertThat(words.encode("dog bites man", wordVocabulary)).isNotEqualTo(words.encode("man bites dog", wordVocabulary));
        assertThat(words.ordered()).isTrue();
    }

    @Test
    void countsEachTokenOverTheVocabularyWithUnknownsAtUnk() {
        Vocabulary v = bag.fit(List.of("the cat the hat"));
        float[] counts = ((TokenCounts) bag.encode("The the CAT, bat!", v)).counts();
        assertThat(counts).hasSize(v.size());
        assertThat(counts[v.id("the")]).isEqualTo(2f);
        assertThat(counts[v.id("cat")]).isEqualTo(1f);
        assertThat(counts[v.id("hat")]).isZero();
        // ",", "bat" and "!" were never seen in training
        assertThat(counts[Vocabulary.UNK]).isEqualTo(3f);
    }

    @Test
    void trickyTextEncodesWithoutLosingTokens() {
        Vocabulary v = bag.fit(List.of("crème brûlée 👍🏽 !"));
        float[] counts = ((TokenCounts) bag.encode("Crème 👍🏽👍🏽 brûlée!", v)).counts();
        assertThat(counts[v.id("👍🏽")]).isEqualTo(2f);
        assertThat(counts[v.id("crème")]).isEqualTo(1f);
        assertThat(counts[v.id("!")]).isEqualTo(1f);
        assertThat(((TokenCounts) bag.encode("", v)).counts()).containsOnly(0f);
        assertThat(bag.maxSteps()).isEqualTo(1);
    }
}
