package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorRowKernels} against its scalar twin, bit for bit (tolerance 0: both follow the order of
 * {@link RowKernels}), on sizes around the eight lanes and odd large ones at non-zero offsets; and the
 * scalar dot product against an exact double sum, to float rounding of the terms' magnitude.
 */
class RowKernelsTest {
    private final RowKernels ref = new ScalarRowKernels();
    private final RowKernels vec = new VectorRowKernels();
    private final SplittableRandom r = new SplittableRandom(5);

    static IntStream sizes() {
        return IntStream.of(0, 1, 7, 8, 9, 15, 16, 17, 100, 300, 1021);
    }

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void dotIsTheScalarTwinsBitForBitAndCloseToTheExactSum(int n) {
        float[] x = random(n + 3);
        float[] y = random(n + 5);
        float expected = ref.dot(n, x, 3, y, 5);
        assertThat(Float.floatToRawIntBits(vec.dot(n, x, 3, y, 5))).isEqualTo(Float.floatToRawIntBits(expected));
        double exact = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            exact += (double) x[3 + i] * y[5 + i];
            magnitude += Math.abs((double) x[3 + i] * y[5 + i]);
        }
        // each of at most n float additions rounds by half an ulp of a partial sum bounded by the magnitude
        assertThat((double) expected).isCloseTo(exact, within(n * Math.ulp(1f) * (magnitude + 1e-30)));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void exchangeIsTheScalarTwinsBitForBitAndUsesTheRowBeforeItMoves(int n) {
        float[] in = random(n + 2);
        float[] out = random(n + 1);
        float[] acc = random(n + 4);
        float[] outV = out.clone();
        float[] accV = acc.clone();
        float[] before = out.clone();
        float[] accBefore = acc.clone();
        ref.exchange(n, 0.37f, in, 2, out, 1, acc, 4);
        vec.exchange(n, 0.37f, in, 2, outV, 1, accV, 4);
        for (int i = 0; i < out.length; i++) {
            assertThat(Float.floatToRawIntBits(outV[i])).as("out %d", i).isEqualTo(Float.floatToRawIntBits(out[i]));
        }
        for (int i = 0; i < acc.length; i++) {
            assertThat(Float.floatToRawIntBits(accV[i])).as("acc %d", i).isEqualTo(Float.floatToRawIntBits(acc[i]));
        }
        for (int i = 0; i < n; i++) {
            assertThat(acc[4 + i]).isEqualTo(Math.fma(0.37f, before[1 + i], accBefore[4 + i]));
            assertThat(out[1 + i]).isEqualTo(Math.fma(0.37f, in[2 + i], before[1 + i]));
        }
    }
}
