package org.rnnlab.cells;

import java.util.SplittableRandom;
import org.rnnlab.engine.Tensor;

/** Random tensors for the split tests, and a tensor's floats as raw bits for comparing them exactly. */
final class TensorSamples {
    private TensorSamples() {}

    /** A tensor of this shape, uniform in {@code [-scale/2, scale/2)}. */
    static Tensor random(SplittableRandom random, float scale, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() - 0.5) * scale;
        }
        return Tensor.of(v, shape);
    }

    /** The raw bits of every float of {@code t}. */
    static int[] bitsOf(Tensor t) {
        int[] b = new int[t.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(t.data()[t.offset() + i]);
        }
        return b;
    }
}
