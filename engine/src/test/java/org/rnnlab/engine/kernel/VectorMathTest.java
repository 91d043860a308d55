package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The reproducible exp/sigmoid/tanh: accurate to a few ulps, and every vector lane equal bit for bit
 * to its scalar twin (which uses only exactly-specified operations, so it gives the same bits
 * interpreted or compiled).
 */
class VectorMathTest {
    private final SplittableRandom r = new SplittableRandom(5);

    private float[] values(int n, double lo, double hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(lo, hi);
        }
        // edge cases: zeros, the branch point of tanh, the clamp limits and beyond
        float[] special = {0f, -0f, 1f, -1f, 0.99999994f, 1.0000001f, 1e-30f, -1e-30f, 87f, 88f, -87f, 100f, -100f};
        System.arraycopy(special, 0, x, 0, Math.min(special.length, n));
        return x;
    }

    @Test
    void expIsAccurateToAFewUlps() {
        float[] x = values(100_000, -80, 80);
        for (float v : x) {
            if (v < -87f || v > 88f) {
                continue;
            }
            double exact = Math.exp(v);
            // 4 ulps: the polynomial's 7e-9 plus rounding in ~10 float operations and the reduction
            assertThat(Math.abs(FloatMath.exp(v) - exact)).as("exp(%s)", v).isLessThanOrEqualTo(4 * Math.ulp((float) exact));
        }
    }

    @Test
    void tanhAndSigmoidAreAccurate() {
        float[] x = values(100_000, -12, 12);
        for (float v : x) {
            double t = Math.tanh(v);
            // near zero tanh(x) ~ x: relative accuracy matters; elsewhere a few ulps of 1
            assertThat(Math.abs(FloatMath.tanh(v) - t)).as("tanh(%s)", v)
                    .isLessThanOrEqualTo(Math.max(4 * Math.ulp((float) t), 3 * Math.ulp(0.5f)));
            double s = 1 / (1 + Math.exp(-v));
            assertThat(Math.abs(FloatMath.sigmoid(v) - s)).as("sigmoid(%s)", v)
                    .isLessThanOrEqualTo(4 * Math.ulp((float) s) + 1e-38);
        }
        assertThat(FloatMath.tanh(1e-30f)).isEqualTo(1e-30f);
        assertThat(FloatMath.tanh(100f)).isEqualTo(1f);
        assertThat(FloatMath.tanh(-100f)).isEqualTo(-1f);
        assertThat(FloatMath.sigmoid(-100f)).isLessThan(1e-37f);
        assertThat(FloatMath.sigmoid(100f)).isEqualTo(1f);
    }

    @Test
    void everyLaneEqualsItsScalarTwinBitForBit() {
        float[] x = values(4099, -20, 20);
        float[] y = new float[x.length];
        VectorKernels k = new VectorKernels();
        k.tanh(x.length, x, 0, y, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToRawIntBits(y[i])).as("tanh lane %d (%s)", i, x[i])
                    .isEqualTo(Float.floatToRawIntBits(FloatMath.tanh(x[i])));
        }
        k.sigmoid(x.length, x, 0, y, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToRawIntBits(y[i])).as("sigmoid lane %d (%s)", i, x[i])
                    .isEqualTo(Float.floatToRawIntBits(FloatMath.sigmoid(x[i])));
        }
        var s = VectorKernels.S;
        for (int i = 0; i + s.length() <= x.length; i += s.length()) {
            float[] e = VectorMath.exp(FloatVector.fromArray(s, x, i)).toArray();
            for (int l = 0; l < e.length; l++) {
                assertThat(Float.floatToRawIntBits(e[l])).isEqualTo(Float.floatToRawIntBits(FloatMath.exp(x[i + l])));
            }
        }
    }
}
