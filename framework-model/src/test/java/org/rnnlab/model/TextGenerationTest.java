package org.rnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Vocabulary;

class TextGenerationTest {
    // ids 0..3 are <pad>, <unk>, <bos>, <eos>; 4.. are tokens
    private static final float[] LOGITS = {9f, 9f, 9f, 0f, 1f, 3f, 2f};

    @Test
    void topOneAlwaysDrawsTheMostLikelyToken() {
        TextGeneration g = new TextGeneration(1.0, 1, "", 10);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            assertThat(g.draw(LOGITS, random)).isEqualTo(5);
        }
    }

    @Test
    void specialTokensOtherThanEosAreNeverDrawnAndTheSameSeedDrawsAlike() {
        TextGeneration g = new TextGeneration(5.0, 0, "", 10);
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        boolean eos = false;
        for (int i = 0; i < 500; i++) {
            int drawn = g.draw(LOGITS, a);
            assertThat(drawn).isNotIn(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS).isEqualTo(g.draw(LOGITS, b));
            eos |= drawn == Vocabulary.EOS;
        }
        assertThat(eos).as("at temperature 5 <eos> (logit 0 vs 3 at most) is drawn within 500 tries").isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new TextGeneration(0, 0, "", 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> new TextGeneration(1, -1, "", 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("top_k");
    }
}
