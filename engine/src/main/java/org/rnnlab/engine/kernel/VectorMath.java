package org.rnnlab.engine.kernel;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, sigmoid and tanh for {@link VectorKernels}, built only from operations IEEE 754 defines
 * exactly (add, multiply, fused multiply-add, divide, min/max, compare, integer shifts).
 *
 * <p>Why not {@code VectorOperators.EXP/TANH}: the Vector API computes those with one algorithm when
 * interpreted and another (SVML) once C2 has compiled the loop, so results depend on JIT timing and two
 * runs of the same experiment differ in the last bits. Here every lane gets the same bits in any JVM
 * state, and each scalar twin ({@code float} overloads) repeats the exact operation sequence, so a
 * vector body and its scalar tail agree bit for bit.
 *
 * <p>exp: Cody-Waite reduction {@code x = n ln2 + r}, {@code |r| <= ln2/2}, degree-7 Taylor polynomial
 * (truncation error 7e-9 relative, below float rounding), scaled by {@code 2^n} built in the exponent
 * bits. The argument is clamped to [-87, 88] so that {@code 2^n} stays a normal float; below -87 the
 * result is exp(-87) = 1.6e-38 instead of a smaller number, which is zero next to any sum it enters.
 * tanh: the [7/6] Padé approximant (Lambert's continued fraction, error below 3e-12 for |x| < 1) near
 * zero, where {@code 1 - 2/(exp(2|x|) + 1)} would lose relative precision, and that form beyond.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    private static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = 0x4B400000;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float MIN_ARG = -87f;
    private static final float MAX_ARG = 88f;
    private static final float C7 = 1f / 5040;
    private static final float C6 = 1f / 720;
    private static final float C5 = 1f / 120;
    private static final float C4 = 1f / 24;
    private static final float C3 = 1f / 6;
    private static final float C2 = 0.5f;

    private VectorMath() {}

    // constants enter through the scalar-operand forms of the operations, not a broadcast helper: a
    // helper that C2 leaves un-inlined returns a boxed vector, allocated on every call
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(MIN_ARG).min(MAX_ARG);
        FloatVector t = c.fma(LOG2E, ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.neg().lanewise(FMA, LN2_HI, c);
        r = n.neg().lanewise(FMA, LN2_LO, r);
        FloatVector p = r.fma(C7, C6);
        p = p.lanewise(FMA, r, C5);
        p = p.lanewise(FMA, r, C4);
        p = p.lanewise(FMA, r, C3);
        p = p.lanewise(FMA, r, C2);
        p = p.lanewise(FMA, r, 1f);
        p = p.lanewise(FMA, r, 1f);
        FloatVector scale = ((IntVector) t.viewAsIntegralLanes()).add(127 - ROUNDER_BITS)
                .lanewise(VectorOperators.LSHL, 23).viewAsFloatingLanes();
        return p.mul(scale);
    }

    static float exp(float x) {
        float c = Math.min(Math.max(x, MIN_ARG), MAX_ARG);
        float t = Math.fma(c, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(-n, LN2_HI, c);
        r = Math.fma(-n, LN2_LO, r);
        float p = Math.fma(r, C7, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) + (127 - ROUNDER_BITS)) << 23);
        return p * scale;
    }

    /**
     * One vector of {@code y = sigmoid(x)} from and to arrays: callers use this form so that no vector
     * crosses a call that C2 may leave un-inlined (a vector argument or result there is boxed).
     */
    static void sigmoid(float[] x, int xo, float[] y, int yo) {
        sigmoid(FloatVector.fromArray(S, x, xo)).intoArray(y, yo);
    }

    /** One vector of {@code y = tanh(x)} from and to arrays, as {@link #sigmoid(float[], int, float[], int)}. */
    static void tanh(float[] x, int xo, float[] y, int yo) {
        tanh(FloatVector.fromArray(S, x, xo)).intoArray(y, yo);
    }

    static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
    }

    static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector x2 = x.mul(x);
        FloatVector num = x2.add(378f).lanewise(FMA, x2, 17325f).lanewise(FMA, x2, 135135f).mul(x);
        FloatVector den = x2.fma(28f, 3150f).lanewise(FMA, x2, 62370f).lanewise(FMA, x2, 135135f);
        FloatVector near = num.div(den);
        FloatVector far = FloatVector.broadcast(S, 2f).div(exp(ax.add(ax)).add(1f)).neg().add(1f);
        far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0f));
        VectorMask<Float> small = ax.compare(VectorOperators.LT, 1f);
        return far.blend(near, small);
    }

    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < 1f) {
            float x2 = x * x;
            float num = Math.fma(Math.fma(x2 + 378f, x2, 17325f), x2, 135135f) * x;
            float den = Math.fma(Math.fma(Math.fma(x2, 28f, 3150f), x2, 62370f), x2, 135135f);
            return num / den;
        }
        float far = 1f - 2f / (exp(ax + ax) + 1f);
        return x < 0f ? -far : far;
    }
}
