package org.rnnlab.engine.kernel;

/**
 * exp, sigmoid and tanh on one float, built only from operations IEEE 754 defines exactly (add,
 * multiply, fused multiply-add, divide, min/max, integer shifts), so that they give the same bits on
 * every JVM, interpreted or compiled. {@link VectorMath} repeats each operation sequence lane by lane,
 * so the scalar kernels, a vector kernel's body and its scalar tail all agree bit for bit: that is what
 * makes a training run give the same model whichever kernels and vector width did the arithmetic.
 *
 * <p>exp: Cody-Waite reduction {@code x = n ln2 + r}, {@code |r| <= ln2/2}, degree-7 Taylor polynomial
 * (truncation error 7e-9 relative, below float rounding), scaled by {@code 2^n} built in the exponent
 * bits. The argument is clamped to [-87, 88] so that {@code 2^n} stays a normal float; below -87 the
 * result is exp(-87) = 1.6e-38 instead of a smaller number, which is zero next to any sum it enters.
 * tanh: the [7/6] Padé approximant (Lambert's continued fraction, error below 3e-12 for |x| < 1) near
 * zero, where {@code 1 - 2/(exp(2|x|) + 1)} would lose relative precision, and that form beyond.
 *
 * <p>No Vector API type appears here: the scalar kernels use this class on a JVM without the incubator module.
 */
final class FloatMath {
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float MIN_ARG = -87f;
    static final float MAX_ARG = 88f;
    static final float C7 = 1f / 5040;
    static final float C6 = 1f / 720;
    static final float C5 = 1f / 120;
    static final float C4 = 1f / 24;
    static final float C3 = 1f / 6;
    static final float C2 = 0.5f;

    private FloatMath() {}

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

    static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
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
