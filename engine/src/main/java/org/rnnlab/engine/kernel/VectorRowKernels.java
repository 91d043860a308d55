package org.rnnlab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API: eight-lane vectors whatever the machine's width, so that the dot
 * product's partial sums are those of {@link ScalarRowKernels} bit for bit.
 */
public final class VectorRowKernels implements RowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private final float[] lanes = new float[ScalarRowKernels.LANES];

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
        }
        float[] s = lanes;
        acc.intoArray(s, 0);
        float total = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
        for (; i < n; i++) {
            total = Math.fma(x[xOff + i], y[yOff + i], total);
        }
        return total;
    }

    @Override
    public void exchange(int n, float g, float[] in, int inOff, float[] out, int outOff, float[] acc, int accOff) {
        FloatVector gv = FloatVector.broadcast(S, g);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector o = FloatVector.fromArray(S, out, outOff + i);
            o.fma(gv, FloatVector.fromArray(S, acc, accOff + i)).intoArray(acc, accOff + i);
            FloatVector.fromArray(S, in, inOff + i).fma(gv, o).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            acc[accOff + i] = Math.fma(g, out[outOff + i], acc[accOff + i]);
            out[outOff + i] = Math.fma(g, in[inOff + i], out[outOff + i]);
        }
    }
}
