package org.rnnlab.engine.kernel;

/** The plain-loop reference of {@link RowKernels}: the order its class comment fixes, one element at a time. */
public final class ScalarRowKernels implements RowKernels {
    static final int LANES = 8;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            int a = xOff + i;
            int b = yOff + i;
            s0 = Math.fma(x[a], y[b], s0);
            s1 = Math.fma(x[a + 1], y[b + 1], s1);
            s2 = Math.fma(x[a + 2], y[b + 2], s2);
            s3 = Math.fma(x[a + 3], y[b + 3], s3);
            s4 = Math.fma(x[a + 4], y[b + 4], s4);
            s5 = Math.fma(x[a + 5], y[b + 5], s5);
            s6 = Math.fma(x[a + 6], y[b + 6], s6);
            s7 = Math.fma(x[a + 7], y[b + 7], s7);
        }
        float total = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) {
            total = Math.fma(x[xOff + i], y[yOff + i], total);
        }
        return total;
    }

    @Override
    public void exchange(int n, float g, float[] in, int inOff, float[] out, int outOff, float[] acc, int accOff) {
        for (int i = 0; i < n; i++) {
            acc[accOff + i] = Math.fma(g, out[outOff + i], acc[accOff + i]);
            out[outOff + i] = Math.fma(g, in[inOff + i], out[outOff + i]);
        }
    }
}
