package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code axpy} and {@code fill} over many elements are split over the kernel threads (a hand-off each) and give
 * the scalar reference's bits, with offsets that do not start on a cache line and lengths that end inside
 * one; below {@link PooledPasses#MIN_STREAM} elements they stay on the calling thread.
 */
class StreamingPassesTest {
    private static final int X_OFF = 3;
    private static final int Y_OFF = 5;

    @AfterEach
    void oneThreadAgain() {
        KernelThreads.use(1);
    }

    @ParameterizedTest(name = "{0} elements")
    @ValueSource(ints = {PooledPasses.MIN_STREAM - 1, PooledPasses.MIN_STREAM, PooledPasses.MIN_STREAM + 37})
    void splitPassesGiveTheReferenceBits(int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[] x = new float[X_OFF + n + 7];
        float[] y = new float[Y_OFF + n + 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (random.nextDouble() - 0.5);
        }
        float alpha = -0.37f;
        float[] expected = y.clone();
        new ScalarKernels().axpy(n, alpha, x, X_OFF, expected, Y_OFF);
        float[] filled = y.clone();
        new ScalarKernels().fill(n, 2.5f, filled, Y_OFF);

        KernelThreads.use(2);
        VectorKernels k = new VectorKernels(GemmTile.values()[0]);
        boolean split = n >= PooledPasses.MIN_STREAM;
        float[] actual = y.clone();
        long before = KernelThreads.counters().handOffs();
        k.axpy(n, alpha, x, X_OFF, actual, Y_OFF);
        assertThat(KernelThreads.counters().handOffs() - before).as("axpy hand-offs").isEqualTo(split ? 1 : 0);
        assertThat(bits(actual)).as("axpy against the scalar reference").isEqualTo(bits(expected));
        assertThat(bits(actual)).as("axpy changed y").isNotEqualTo(bits(y));

        float[] actualFill = y.clone();
        before = KernelThreads.counters().handOffs();
        k.fill(n, 2.5f, actualFill, Y_OFF);
        assertThat(KernelThreads.counters().handOffs() - before).as("fill hand-offs").isEqualTo(split ? 1 : 0);
        assertThat(bits(actualFill)).as("fill against the scalar reference").isEqualTo(bits(filled));
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
