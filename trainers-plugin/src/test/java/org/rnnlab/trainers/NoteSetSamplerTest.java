package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoteSetSamplerTest {

    @Test
    void theModelReadsAZeroFrameFirstThenEachSampledFrame() {
        List<float[]> read = new ArrayList<>();
        NoteSetSampler.NextStep model = frame -> {
            read.add(frame.clone());
            return new float[] {50f, -50f, read.size() % 2 == 0 ? 50f : -50f};
        };
        float[][] roll = NoteSetSampler.sample(model, 3, 4, 1.0, new SplittableRandom(1));
        assertThat(read.getFirst()).containsOnly(0f);
        for (int t = 1; t < 4; t++) {
            assertThat(read.get(t)).containsExactly(roll[t - 1]);
        }
        // logits of +-50 are certain at temperature 1
        assertThat(roll).isDeepEqualTo(new float[][] {{1, 0, 0}, {1, 0, 1}, {1, 0, 0}, {1, 0, 1}});
    }

    /**
     * Each key is on with probability sigmoid(logit / T): over 20,000 draws the share of a key with p = 0.2
     * lies within 5 standard deviations (5 * sqrt(0.2 * 0.8 / 20000) = 0.014) of p, whatever the seed.
     */
    @Test
    void keysAreOnWithTheModelsProbabilitySharpenedByTemperature() {
        float logit = (float) Math.log(0.2 / 0.8);
        NoteSetSampler.NextStep model = frame -> new float[] {logit, 0f};
        int steps = 20_000;
        float[][] warm = NoteSetSampler.sample(model, 2, steps, 1.0, new SplittableRandom(7));
        assertThat(share(warm, 0)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.014));
        assertThat(share(warm, 1)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.018));
        // T = 0.5 doubles the logit: p = 1 / (1 + 16) = 0.0588
        float[][] cool = NoteSetSampler.sample(model, 2, steps, 0.5, new SplittableRandom(7));
        assertThat(share(cool, 0)).isCloseTo(1.0 / 17, org.assertj.core.data.Offset.offset(0.009));
        // T = 0: only keys above 0.5, and a logit of exactly 0 is not
        float[][] greedy = NoteSetSampler.sample(frame -> new float[] {0.01f, 0f, -0.01f}, 3, 5, 0, new SplittableRandom(7));
        for (float[] f : greedy) {
            assertThat(f).containsExactly(1f, 0f, 0f);
        }
    }

    @Test
    void theSameSeedGivesTheSameRollAndBadArgumentsAreRefused() {
        NoteSetSampler.NextStep model = frame -> new float[] {0.3f, -0.4f, 1.2f, -2f};
        assertThat(NoteSetSampler.sample(model, 4, 50, 1.0, new SplittableRandom(3)))
                .isDeepEqualTo(NoteSetSampler.sample(model, 4, 50, 1.0, new SplittableRandom(3)));
        assertThatThrownBy(() -> NoteSetSampler.sample(model, 4, 5, -1, new SplittableRandom(3))).hasMessageContaining("temperature");
        assertThatThrownBy(() -> NoteSetSampler.sample(model, 88, 5, 1, new SplittableRandom(3))).hasMessageContaining("4 logits for 88 keys");
    }

    private static double share(float[][] roll, int key) {
        double on = 0;
        for (float[] f : roll) {
            on += f[key];
        }
        return on / roll.length;
    }
}
