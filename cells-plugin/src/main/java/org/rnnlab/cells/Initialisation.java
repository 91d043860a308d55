package org.rnnlab.cells;

import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;

/** The initialisations the cells use besides PyTorch's default ({@code RecurrentCell.pytorchUniform}). */
final class Initialisation {
    private Initialisation() {}

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
