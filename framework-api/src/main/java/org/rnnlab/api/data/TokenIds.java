package org.rnnlab.api.data;

import java.util.Arrays;

/**
 * One vocabulary id per time step. The array is shared, not copied: do not modify it.
 *
 * @param ids ids into the {@link Vocabulary} the text was encoded with
 * @since 0.1
 */
public record TokenIds(int[] ids) implements EncodedInput {
    @Override
    public int steps() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenIds t && Arrays.equals(ids, t.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TokenIds" + Arrays.toString(ids);
    }
}
