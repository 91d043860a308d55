package org.rnnlab.engine.kernel;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, sigmoid and tanh for {@link VectorKernels}: each lane repeats the operation sequence of its
 * {@link FloatMath} twin exactly, so a vector body, its scalar tail and the scalar kernels give the same
 * bits (see there for the algorithms).
 *
 * <p>Why not {@code VectorOperators.EXP/TANH}: the Vector API computes those with one algorithm when
 * interpreted and another (SVML) once C2 has compiled the loop, so results depend on JIT timing and two
 * runs of the same experiment differ in the last bits.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = VectorKernels.S;

    private VectorMath() {}

    // constants enter through the scalar-operand forms of the operations, not a broadcast helper: a
    // helper that C2 leaves un-inlined returns a boxed vector, allocated on every call
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(FloatMath.MIN_ARG).min(FloatMath.MAX_ARG);
        FloatVector t = c.fma(FloatMath.LOG2E, FloatMath.ROUNDER);
        FloatVector n = t.sub(FloatMath.ROUNDER);
        FloatVector r = n.neg().lanewise(FMA, FloatMath.LN2_HI, c);
        r = n.neg().lanewise(FMA, FloatMath.LN2_LO, r);
        FloatVector p = r.fma(FloatMath.C7, FloatMath.C6);
        p = p.lanewise(FMA, r, FloatMath.C5);
        p = p.lanewise(FMA, r, FloatMath.C4);
        p = p.lanewise(FMA, r, FloatMath.C3);
        p = p.lanewise(FMA, r, FloatMath.C2);
        p = p.lanewise(FMA, r, 1f);
        p = p.lanewise(FMA, r, 1f);
        FloatVector scale = ((IntVector) t.viewAsIntegralLanes()).add(127 - FloatMath.ROUNDER_BITS)
                .lanewise(VectorOperators.LSHL, 23).viewAsFloatingLanes();
        return p.mul(scale);
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
}
