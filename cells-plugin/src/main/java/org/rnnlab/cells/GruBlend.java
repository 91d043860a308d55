package org.rnnlab.cells;

/** The GRU's final blend {@code h' = n + z * (h - n)} and its gradient, shared by both GRU kernels. */
final class GruBlend {
    private GruBlend() {}

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
