package org.rnnlab.model.embedding;

import java.util.random.RandomGenerator;

/**
 * word2vec's sub-sampling of frequent words: each occurrence of word w in the training text is kept with
 * probability {@code (sqrt(f / t) + 1) * t / f} (at most 1), where f is w's share of the text's words and t
 * the {@code sample} threshold (word2vec's default 1e-3), as the reference C implementation computes it.
 * "the" is thinned to a few percent, words rarer than t are always kept.
 */
public final class FrequentWordSubsampling {
    private final double[] keep;

    /** {@code counts[id]}: occurrences in the training text; {@code sample} positive. */
    public FrequentWordSubsampling(long[] counts, double sample) {
        if (!(sample > 0)) {
            throw new IllegalArgumentException("the sub-sampling threshold must be positive but was " + sample);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        keep = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double f = counts[i] / (double) total;
            keep[i] = counts[i] == 0 ? 1 : Math.min(1, (Math.sqrt(f / sample) + 1) * sample / f);
        }
    }

    /** The probability that one occurrence of word {@code id} is kept. */
    public double keepProbability(int id) {
        return keep[id];
    }

    /** Whether to keep this occurrence: one {@code nextDouble} of the caller's generator when it may be dropped. */
    public boolean keep(int id, RandomGenerator random) {
        return keep[id] >= 1 || random.nextDouble() < keep[id];
    }
}
