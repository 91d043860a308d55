package org.rnnlab.model;

import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.PaddedVectors;

/**
 * The inputs of one batch, time-major and padded: token ids (fed through an embedding or as one-hot
 * vectors) or feature vectors (bag-of-words counts as one step, or {@code VectorExample} steps).
 *
 * @since 0.1
 */
public sealed interface ModelInput {

    int steps();

    int batchSize();

    /** {@code [steps * batchSize]}, 1 for a real step and 0 for padding. */
    float[] mask();

    /** The same sequences cut to steps {@code [from, to)}. */
    ModelInput slice(int from, int to);

    /** Token ids, {@code ids[t * B + b]}. */
    record Ids(PaddedIds ids) implements ModelInput {
        @Override
        public int steps() {
            return ids.steps();
        }

        @Override
        public int batchSize() {
            return ids.batchSize();
        }

        @Override
        public float[] mask() {
            return ids.mask();
        }

        @Override
        public ModelInput slice(int from, int to) {
            int b = ids.batchSize();
            int[] lengths = new int[b];
            for (int j = 0; j < b; j++) {
                lengths[j] = Math.clamp(ids.lengths()[j] - from, 0, to - from);
            }
            return new Ids(new PaddedIds(java.util.Arrays.copyOfRange(ids.ids(), from * b, to * b),
                    java.util.Arrays.copyOfRange(ids.mask(), from * b, to * b), lengths, to - from, b));
        }
    }

    /** Feature vectors, {@code values[(t * B + b) * F + f]}. */
    record Features(PaddedVectors vectors) implements ModelInput {
        @Override
        public int steps() {
            return vectors.steps();
        }

        @Override
        public int batchSize() {
            return vectors.batchSize();
        }

        @Override
        public float[] mask() {
            return vectors.mask();
        }

        @Override
        public ModelInput slice(int from, int to) {
            int b = vectors.batchSize();
            int f = vectors.features();
            int[] lengths = new int[b];
            for (int j = 0; j < b; j++) {
                lengths[j] = Math.clamp(vectors.lengths()[j] - from, 0, to - from);
            }
            return new Features(new PaddedVectors(java.util.Arrays.copyOfRange(vectors.values(), from * b * f, to * b * f),
                    java.util.Arrays.copyOfRange(vectors.mask(), from * b, to * b), lengths, to - from, b, f));
        }
    }
}
