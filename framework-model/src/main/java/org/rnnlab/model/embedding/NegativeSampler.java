package org.rnnlab.model.embedding;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws the negative words of skip-gram from the unigram distribution raised to the 3/4 power (Mikolov et
 * al. 2013): word w with probability {@code count(w)^0.75 / sum_v count(v)^0.75}, so frequent words are drawn
 * less often than their share and rare ones more. Words of count 0 (the specials) are never drawn. A draw is
 * one {@code nextDouble} of the caller's generator and a binary search, so the same seed gives the same words.
 */
public final class NegativeSampler {
    public static final double POWER = 0.75;
    private final double[] cumulative;

    /** {@code counts[id]}: how often the word with this id occurs in the training text. */
    public NegativeSampler(long[] counts) {
        cumulative = new double[counts.length];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("word " + i + " has a negative count " + counts[i]);
            }
            total += Math.pow(counts[i], POWER);
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no word has a positive count: nothing to draw negatives from");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        cumulative[cumulative.length - 1] = 1.0;
    }

    /** The probability of drawing word {@code id}. */
    public double probability(int id) {
        return cumulative[id] - (id == 0 ? 0 : cumulative[id - 1]);
    }

    /** One negative word. */
    public int draw(RandomGenerator random) {
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        // not found: the first entry above u; found: u sits on a boundary, which belongs to the next word
        i = i < 0 ? -i - 1 : i + 1;
        while (probability(Math.min(i, cumulative.length - 1)) == 0 && i < cumulative.length - 1) {
            i++;
        }
        return Math.min(i, cumulative.length - 1);
    }
}
