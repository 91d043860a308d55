package org.rnnlab.api.data;

import java.util.Arrays;

/**
 * ONE time step of token features: how often each feature occurs. For a bag of words the features are
 * the vocabulary ({@code counts.length == vocabulary.size()}, index = token id; unknown tokens counted at
 * {@link Vocabulary#UNK}) and order is lost on purpose; for a fixed window they are (slot, token) pairs,
 * {@code n} one-hot blocks of vocabulary size. The array is shared, not copied: do not modify it.
 *
 * @param counts the count of each feature
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
