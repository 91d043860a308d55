package org.rnnlab.api.data;

import java.util.Arrays;

/**
 * A bag of words: ONE time step holding how often each vocabulary token occurs ({@code counts.length ==
 * vocabulary.size()}, index = token id; unknown tokens counted at {@link Vocabulary#UNK}). Order is lost
 * on purpose. The array is shared, not copied: do not modify it.
 *
 * @param counts the count of each vocabulary id
 * @since 0.1
 */
public record TokenCounts(float[] counts) implements EncodedInput {
    @Override
    public int steps() {
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenCounts t && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "TokenCounts[size=" + counts.length + "]";
    }
}
