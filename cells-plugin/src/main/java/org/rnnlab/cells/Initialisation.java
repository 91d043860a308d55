package org.rnnlab.cells;

import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;

/** PyTorch's default recurrent initialisation and the few others the cells use. */
final class Initialisation {
    private Initialisation() {}

    /** Uniform in {@code (-1/sqrt(H), 1/sqrt(H))}, as {@code torch.nn.RNN/LSTM/GRU.reset_parameters}. */
    static void pytorchUniform(Tensor t, int hidden, RandomGenerator random) {
        uniform(t, (float) (1.0 / Math.sqrt(hidden)), random);
    }

    static void uniform(Tensor t, float bound, RandomGenerator random) {
        float[] d = t.data();
        for (int i = t.offset(), end = t.offset() + t.size(); i < end; i++) {
            d[i] = (random.nextFloat() * 2f - 1f) * bound;
        }
    }

    static void normal(Tensor t, double std, RandomGenerator random) {
        float[] d = t.data();
        for (int i = t.offset(), end = t.offset() + t.size(); i < end; i++) {
            d[i] = (float) (random.nextGaussian() * std);
        }
    }

    /** The identity matrix (a square tensor). */
    static void identity(Tensor t) {
        t.fill(0f);
        int n = t.dim(0);
        for (int i = 0; i < n; i++) {
            t.set(1f, i, i);
        }
    }
}
