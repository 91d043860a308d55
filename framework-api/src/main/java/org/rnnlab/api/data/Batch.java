package org.rnnlab.api.data;

import java.util.Arrays;

/**
 * One mini-batch: which examples it holds and how many time steps the longest of them has. The array is
 * shared, not copied: do not modify it.
 *
 * @param indices indices into the split the batch was made from, at least one
 * @param steps   the longest sequence length among them (the padded length)
 * @since 0.1
 */
public record Batch(int[] indices, int steps) {

    /** Number of examples in the batch. */
    public int size() {
        return indices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && steps == b.steps && Arrays.equals(indices, b.indices);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + steps;
    }

    @Override
    public String toString() {
        return "Batch[steps=" + steps + ", indices=" + Arrays.toString(indices) + "]";
    }
}
