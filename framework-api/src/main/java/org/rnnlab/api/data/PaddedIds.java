package org.rnnlab.api.data;

import java.util.List;

/**
 * Token-id sequences of one batch, padded to the same length and laid out time-major: the id of example
 * {@code b} at step {@code t} is {@code ids[t * batchSize + b]}. Steps past an example's length hold
 * {@link Vocabulary#PAD} (0) and mask 0; real steps have mask 1.
 *
 * @param ids       {@code [steps * batchSize]}, time-major
 * @param mask      {@code [steps * batchSize]}, 1 for a real step, 0 for padding
 * @param lengths   each example's length, {@code [batchSize]}
 * @param steps     the padded length T
 * @param batchSize B
 * @since 0.1
 */
public record PaddedIds(int[] ids, float[] mask, int[] lengths, int steps, int batchSize) {

    /** Pads to the longest sequence. */
    public static PaddedIds timeMajor(List<int[]> sequences) {
        int steps = 0;
        for (int[] s : sequences) {
            steps = Math.max(steps, s.length);
        }
        return timeMajor(sequences, steps);
    }

    /** Pads to {@code steps}, which must be at least the longest sequence's length. */
    public static PaddedIds timeMajor(List<int[]> sequences, int steps) {
        int b = sequences.size();
        int[] ids = new int[steps * b];
        float[] mask = new float[steps * b];
        int[] lengths = new int[b];
        for (int j = 0; j < b; j++) {
            int[] s = sequences.get(j);
            if (s.length > steps) {
                throw new IllegalArgumentException("sequence " + j + " has " + s.length + " steps, more than " + steps);
            }
            lengths[j] = s.length;
            for (int t = 0; t < s.length; t++) {
                ids[t * b + j] = s[t];
                mask[t * b + j] = 1f;
            }
        }
        return new PaddedIds(ids, mask, lengths, steps, b);
    }

    /** The id of example {@code b} at step {@code t}. */
    public int at(int t, int b) {
        return ids[t * batchSize + b];
    }

    /** Number of real (unpadded) steps over the batch: the sum of the mask. */
    public int realSteps() {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        return n;
    }
}
