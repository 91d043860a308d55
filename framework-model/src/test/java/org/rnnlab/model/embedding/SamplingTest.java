package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Negative sampling, sub-sampling and the learning-rate decay of word2vec, against their formulas worked by hand. */
class SamplingTest {
    // four specials that never occur, then words seen 1, 16, 81 and 256 times: 3/4 powers 1, 8, 27, 64 (sum 100)
    private static final long[] COUNTS = {0, 0, 0, 0, 1, 16, 81, 256};

    @Test
    void negativesFollowTheUnigramDistributionToTheThreeQuarters() {
        NegativeSampler sampler = new NegativeSampler(COUNTS);
        assertThat(sampler.probability(4)).isCloseTo(0.01, within(1e-12));
        assertThat(sampler.probability(5)).isCloseTo(0.08, within(1e-12));
        assertThat(sampler.probability(6)).isCloseTo(0.27, within(1e-12));
        assertThat(sampler.probability(7)).isCloseTo(0.64, within(1e-12));
        int n = 200_000;
        int[] drawn = new int[COUNTS.length];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            drawn[sampler.draw(random)]++;
        }
        assertThat(drawn[0] + drawn[1] + drawn[2] + drawn[3]).as("specials").isZero();
        double[] p = {0.01, 0.08, 0.27, 0.64};
        for (int w = 0; w < 4; w++) {
            // within 5 binomial standard deviations: a wrong power (1 or 0.5) is off by hundreds of them
            double sd = Math.sqrt(n * p[w] * (1 - p[w]));
            assertThat((double) drawn[w + 4]).as("word %d", w + 4).isCloseTo(n * p[w], within(5 * sd));
        }
    }

    @Test
    void theSameSeedDrawsTheSameNegatives() {
        NegativeSampler sampler = new NegativeSampler(COUNTS);
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            assertThat(sampler.draw(a)).isEqualTo(sampler.draw(b));
        }
    }

    @Test
    void frequentWordsAreThinnedAsWord2vecDoes() {
        // 354 words in all; with t = 0.01 a word of count c has f = c / 354 and is kept with (sqrt(f/t) + 1) t / f
        FrequentWordSubsampling sub = new FrequentWordSubsampling(COUNTS, 0.01);
        double t = 0.01;
        for (int w = 4; w < COUNTS.length; w++) {
            double f = COUNTS[w] / 354.0;
            assertThat(sub.keepProbability(w)).as("word %d", w).isCloseTo(Math.min(1, (Math.sqrt(f / t) + 1) * t / f),
                    within(1e-12));
        }
        // the rare words are always kept, the most frequent (f = 0.72) about one time in eight
        assertThat(sub.keepProbability(4)).isEqualTo(1.0);
        assertThat(sub.keepProbability(7)).isCloseTo(0.13142, within(1e-5));
        SplittableRandom random = new SplittableRandom(3);
        int kept = 0;
        for (int i = 0; i < 100_000; i++) {
            kept += sub.keep(7, random) ? 1 : 0;
        }
        assertThat(kept / 100_000.0).isCloseTo(0.13142, within(5 * Math.sqrt(0.13142 * 0.86858 / 100_000)));
    }

    @Test
    void theRateFallsLinearlyToItsFloor() {
        LinearDecay decay = new LinearDecay(0.025, 1000);
        assertThat(decay.rate(0)).isEqualTo(0.025);
        assertThat(decay.rate(500)).isCloseTo(0.0125, within(1e-15));
        assertThat(decay.rate(1000)).isCloseTo(0.025 * 1e-4, within(1e-15));
        assertThat(decay.rate(5000)).isCloseTo(0.025 * 1e-4, within(1e-15));
    }
}
