package org.rnnlab.model.seq2seq;

import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;

/** PyTorch's default initialisations, so that a model starts as its PyTorch twin would. */
final class LinearInit {
    private LinearInit() {}

    /** {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}, as {@code nn.Linear} weights and biases. */
    static void uniform(Tensor t, int fanIn, RandomGenerator random) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] d = t.data();
        for (int i = t.offset(); i < t.offset() + t.size(); i++) {
            d[i] = (float) random.nextDouble(-bound, bound);
        }
    }

    /** {@code N(0, 1)}, as {@code nn.Embedding}. */
    static void normal(Tensor t, RandomGenerator random) {
        float[] d = t.data();
        for (int i = t.offset(); i < t.offset() + t.size(); i++) {
            d[i] = (float) random.nextGaussian();
        }
    }
}
