package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a pass is split over the kernel threads, and that a pass kept whole keeps its products whole too. */
class KernelThreadsTest {
    // 32 x 128 x 128: a time step's recurrent product at H=128, above the GEMMs' own threshold for splitting
    private static final int M = 32;
    private static final int N = 128;
    private static final int K = 128;

    @AfterEach
    void oneThreadAgain() {
        KernelThreads.use(1);
    }

    @Test
    void aPassBelowTheThresholdRunsItsProductsOnTheCallingThread() {
        KernelThreads.use(2);
        float[] a = new float[M * K];
        float[] b = new float[K * N];
        float[] c = new float[M * N];
        GemmTile tile = GemmTile.values()[0];
        long before = KernelThreads.counters().handOffs();
        VectorGemm.nn(tile, M, N, K, a, 0, K, b, 0, N, c, 0, N, false);
        assertThat(KernelThreads.counters().handOffs()).as("the product alone is split").isEqualTo(before + 1);

        long small = (long) M * N * K; // below SPLIT_MIN_WORK: the step stays whole, and so does its product
        assertThat(small).isLessThan(KernelThreads.SPLIT_MIN_WORK);
        KernelThreads.split(N, 16, small, (from, to) -> VectorGemm.nn(tile, M, N, K, a, 0, K, b, 0, N, c, 0, N, false));
        assertThat(KernelThreads.counters().handOffs()).as("no hand-off inside a pass kept whole").isEqualTo(before + 1);

        KernelThreads.split(N, 16, KernelThreads.SPLIT_MIN_WORK, (from, to) -> { });
        assertThat(KernelThreads.counters().handOffs()).as("a pass at the threshold is split").isEqualTo(before + 2);
    }
}
