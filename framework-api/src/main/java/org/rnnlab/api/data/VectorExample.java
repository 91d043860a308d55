package org.rnnlab.api.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sequence of numeric feature vectors and its numeric target, for inputs that need no tokenizer
 * (the adding problem). {@code steps[t]} holds the features at time step {@code t}; every step has the
 * same number of features. The arrays are shared, not copied: do not modify them.
 *
 * @param steps  {@code [T][features]}, {@code T >= 1}
 * @param target the regression target, e.g. one value for the adding problem
 * @since 0.1
 */
public record VectorExample(float[][] steps, float[] target) implements Example {
    public VectorExample {
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(target, "target");
        if (steps.length == 0) {
            throw new IllegalArgumentException("a vector example needs at least one step");
        }
        int features = steps[0].length;
        for (int t = 1; t < steps.length; t++) {
            if (steps[t].length != features) {
                throw new IllegalArgumentException("step " + t + " has " + steps[t].length
                        + " features but step 0 has " + features);
            }
        }
    }

    /** Number of time steps T. */
    public int length() {
        return steps.length;
    }

    /** Number of features per step. */
    public int features() {
        return steps[0].length;
    }

    // Records compare arrays by identity; datasets are compared by content (same seed, same data).
    @Override
    public boolean equals(Object o) {
        return o instanceof VectorExample v && Arrays.deepEquals(steps, v.steps) && Arrays.equals(target, v.target);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(steps) + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "VectorExample[T=" + steps.length + ", features=" + features() + ", target=" + Arrays.toString(target) + "]";
    }
}
