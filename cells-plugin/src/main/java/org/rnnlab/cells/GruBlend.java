package org.rnnlab.cells;

import org.rnnlab.engine.kernel.Kernels;

/**
 * What both fused GRU kernels share: the final blend {@code h' = n + z * (h - n)} and its gradient, and
 * the candidate's tanh and the update gate's sigmoid around it. A step's gates are one row of
 * {@code [r | z | n]}, {@code h} wide each; the kernels differ only in how {@code r} enters {@code n}.
 */
final class GruBlend {
    private GruBlend() {}

    /**
     * The end of a forward step: {@code n = tanh(n)} in place in the gate row {@code x[xr..]}, then
     * {@code out = n + z * (prev - n)}.
     */
    static void forwardFromGates(Kernels k, int h, float[] x, int xr, float[] prev, int po, float[] out, int oo) {
        forwardFromGates(k, h, 0, h, x, xr, prev, po, out, oo);
    }

    /** Units {@code [from, to)} of {@link #forwardFromGates(Kernels, int, float[], int, float[], int, float[], int)}. */
    static void forwardFromGates(Kernels k, int h, int from, int to, float[] x, int xr, float[] prev, int po,
                                 float[] out, int oo) {
        int w = to - from;
        k.tanh(w, x, xr + 2 * h + from, x, xr + 2 * h + from);
        forward(w, x, xr + h + from, x, xr + 2 * h + from, prev, po + from, out, oo + from);
    }

    /**
     * The start of a backward step: through the blend ({@link #backward}, {@code dh} becomes its direct path
     * to the previous state), then the pre-activation gradients of {@code z} (through the sigmoid) and of
     * {@code n} (through the tanh) into the gradient row {@code dx[dxr + h..]}; {@code s[s0..]} holds
     * {@code dz} and {@code s[s1..]} {@code dn} afterwards.
     */
    static void backwardToGates(Kernels k, int h, float[] dh, int dho, float[] x, int xr, float[] prev, int po,
                                float[] s, int s0, int s1, float[] dx, int dxr) {
        backwardToGates(k, h, 0, h, dh, dho, x, xr, prev, po, s, s0, s1, dx, dxr);
    }

    /**
     * Units {@code [from, to)} of {@link #backwardToGates(Kernels, int, float[], int, float[], int, float[], int,
     * float[], int, int, float[], int)}; {@code s} is written at the same units.
     */
    static void backwardToGates(Kernels k, int h, int from, int to, float[] dh, int dho, float[] x, int xr, float[] prev,
                                int po, float[] s, int s0, int s1, float[] dx, int dxr) {
        int w = to - from;
        int f = from;
        backward(w, dh, dho + f, x, xr + h + f, x, xr + 2 * h + f, prev, po + f, s, s0 + f, s1 + f);
        k.sigmoidBackward(w, x, xr + h + f, s, s0 + f, dx, dxr + h + f, false);
        k.tanhBackward(w, x, xr + 2 * h + f, s, s1 + f, dx, dxr + 2 * h + f, false);
    }

    /** {@code out = n + z * (prev - n)} over {@code h} elements. */
    static void forward(int h, float[] z, int zo, float[] nv, int no, float[] prev, int po, float[] out, int oo) {
        for (int j = 0; j < h; j++) {
            float nj = nv[no + j];
            out[oo + j] = nj + z[zo + j] * (prev[po + j] - nj);
        }
    }

    /**
     * From {@code dh}: {@code dz = dh * (prev - n)} into {@code s[s0..]}, {@code dn = dh * (1 - z)} into
     * {@code s[s1..]}, and {@code dh} replaced by its direct path to the previous state, {@code dh * z}.
     */
    static void backward(int h, float[] dh, int dho, float[] z, int zo, float[] nv, int no, float[] prev, int po,
                         float[] s, int s0, int s1) {
        for (int j = 0; j < h; j++) {
            float d = dh[dho + j];
            float zj = z[zo + j];
            s[s0 + j] = d * (prev[po + j] - nv[no + j]);
            s[s1 + j] = d * (1f - zj);
            dh[dho + j] = d * zj;
        }
    }
}
