package org.rnnlab.api.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature-vector sequences of one batch ({@link VectorExample} steps, or bag-of-words counts as one step),
 * padded with zeros and laid out time-major: feature {@code f} of example {@code b} at step {@code t} is
 * {@code values[(t * batchSize + b) * features + f]}, i.e. a contiguous {@code [T, B, F]} tensor.
 *
 * @param values    {@code [steps * batchSize * features]}
 * @param mask      {@code [steps * batchSize]}, 1 for a real step, 0 for padding
 * @param lengths   each example's length
 * @param steps     T
 * @param batchSize B
 * @param features  F
 * @since 0.1
 */
public record PaddedVectors(float[] values, float[] mask, int[] lengths, int steps, int batchSize, int features) {

    /** Pads {@code [T_b][F]} sequences (all with the same F) to the longest. */
    public static PaddedVectors timeMajor(List<float[][]> sequences) {
        int b = sequences.size();
        int steps = 0;
        int features = -1;
        for (float[][] s : sequences) {
            steps = Math.max(steps, s.length);
            for (float[] step : s) {
                if (features < 0) {
                    features = step.length;
                } else if (step.length != features) {
                    throw new IllegalArgumentException("steps have " + step.length + " and " + features + " features");
                }
            }
        }
        features = Math.max(features, 0);
        float[] values = new float[steps * b * features];
        float[] mask = new float[steps * b];
        int[] lengths = new int[b];
        for (int j = 0; j < b; j++) {
            float[][] s = sequences.get(j);
            lengths[j] = s.length;
            for (int t = 0; t < s.length; t++) {
                System.arraycopy(s[t], 0, values, (t * b + j) * features, features);
                mask[t * b + j] = 1f;
            }
        }
        return new PaddedVectors(values, mask, lengths, steps, b, features);
    }

    /** Bag-of-words counts as one step of {@code vocabulary.size()} features per example. */
    public static PaddedVectors ofCounts(List<TokenCounts> counts) {
        List<float[][]> steps = new ArrayList<>(counts.size());
        for (TokenCounts c : counts) {
            steps.add(new float[][] {c.counts()});
        }
        return timeMajor(steps);
    }
}
