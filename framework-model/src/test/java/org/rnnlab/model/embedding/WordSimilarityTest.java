package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.model.WordVectors;

class WordSimilarityTest {
    /** Words at known angles from "east" in the plane, with lengths that must not matter. */
    static WordVectors compass() {
        List<String> words = List.of("<unk>", "east", "north", "east-north-east", "north-east", "west", "south-south-east");
        double[] degrees = {0, 0, 90, 22.5, 45, 180, -67.5};
        double[] lengths = {1, 2, 0.5, 3, 1, 7, 0.1};
        float[] v = new float[words.size() * 2];
        for (int i = 0; i < words.size(); i++) {
            v[2 * i] = (float) (lengths[i] * Math.cos(Math.toRadians(degrees[i])));
            v[2 * i + 1] = (float) (lengths[i] * Math.sin(Math.toRadians(degrees[i])));
        }
        return new WordVectors(words, v, 2);
    }

    @Test
    void neighboursComeInOrderOfAngleWhateverTheLengthAndNeverTheSpecials() {
        List<WordSimilarity.Similar> n = new WordSimilarity(compass(), "compass").neighbours("east", 4);
        // <unk> points exactly east but is rnnlab's own token, not a word
        assertThat(n).extracting(WordSimilarity.Similar::word)
                .containsExactly("east-north-east", "north-east", "south-south-east", "north");
        assertThat(n.get(0).cosine()).isCloseTo(Math.cos(Math.toRadians(22.5)), within(1e-6));
        assertThat(n.get(1).cosine()).isCloseTo(Math.cos(Math.toRadians(45)), within(1e-6));
        assertThat(n.get(2).cosine()).isCloseTo(Math.cos(Math.toRadians(67.5)), within(1e-6));
        assertThat(n.get(3).cosine()).isCloseTo(0, within(1e-6));
    }

    /** Royalty, gender and fruit on orthogonal axes: king = royal + male, queen = royal + female. */
    static WordVectors royals() {
        List<String> words = List.of("king", "queen", "man", "woman", "apple", "prince", "banana");
        float[] v = {
            1, 1, 0, 0,
            1, 0, 1, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            0, 0, 0, 1,
            0.8f, 1, 0, 0.3f,
            0, 0, 0.2f, 1,
        };
        return new WordVectors(words, v, 4);
    }

    @Test
    void theAnalogyAnswerIsKnownByConstruction() {
        WordSimilarity s = new WordSimilarity(royals(), "royals");
        List<WordSimilarity.Similar> answer = s.analogy("man", "king", "woman", 3);
        assertThat(answer.getFirst().word()).isEqualTo("queen");
        // unit(king) - unit(man) + unit(woman) = (r, r - 1, 1, 0) with r = 1/sqrt 2; cos with unit(queen) = (r, 0, r, 0)
        double r = 1 / Math.sqrt(2);
        double target = Math.sqrt(r * r + (r - 1) * (r - 1) + 1);
        assertThat(answer.getFirst().cosine()).isCloseTo((r * r + r) / target, within(1e-6));
        assertThat(answer).extracting(WordSimilarity.Similar::word).doesNotContain("man", "king", "woman");
    }

    @Test
    void theThreeWordsOfTheQuestionAreNeverTheAnswer() {
        // b - a = 0 leaves c itself as the closest vector: 3CosAdd must skip it
        WordSimilarity s = new WordSimilarity(royals(), "royals");
        assertThat(s.analogy("man", "man", "apple", 1).getFirst().word()).isEqualTo("banana");
    }

    @Test
    void anUnknownWordIsNamed() {
        WordSimilarity s = new WordSimilarity(royals(), "royals.txt");
        assertThatThrownBy(() -> s.neighbours("duke", 3)).isInstanceOf(RnnlabException.class)
                .hasMessage("the word 'duke' is not among the 7 words of royals.txt");
        assertThatThrownBy(() -> s.analogy("man", "king", "duchess", 3)).hasMessageContaining("'duchess'");
    }
}
