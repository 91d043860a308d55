package org.rnnlab.cells;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/**
 * The fused reset-before GRU (Cho et al. 2014): per step one GEMM for the r and z blocks, then a second
 * for {@code (r * h) W_hn^T}. Keeps {@code r * h} of every step so that {@code dW_hn} is one GEMM too.
 * Both recurrent biases add straight to the pre-activations, so they are folded into the input projection.
 */
final class GruResetBeforeSequenceOp extends SequenceOp {
    private Tensor gates;
    private Tensor resetState;

    GruResetBeforeSequenceOp(int steps, int batch, int input, int hidden, boolean masked, double[] norms) {
        super("gru-reset-before-sequence", steps, batch, input, hidden, 1, masked, norms);
    }

    @Override
    int[][] parameterShapes() {
        int g = 3 * hidden;
        return new int[][] {{g, input}, {g, hidden}, {g}, {g}};
    }

    @Override
    public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 3 * h;
        int n = batch * h;
        Tensor h0 = in[1];
        Tensor whh = in[p + 1];
        Tensor bhh = in[p + 3];
        gates = ws.take(rows, g);
        resetState = ws.take(rows, h);
        float[] x = gates.data();
        int xo = gates.offset();
        float[] rh = resetState.data();
        int rho = resetState.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor whhT = transposed(ws, whh);
        float[] wt = whhT.data();
        int wto = whhT.offset();
        projectInputs(in[0], in[p], in[p + 2], bhh, g, x, xo, ws);
        for (int t = 0; t < steps; t++) {
            float[] hp = t == 0 ? h0.data() : y;
            int hpo = t == 0 ? h0.offset() : yo + (t - 1) * n;
            int xt = xo + t * batch * g;
            k.gemmNN(batch, 2 * h, h, hp, hpo, h, wt, wto, g, x, xt, g, true);
            for (int b = 0; b < batch; b++) {
                if (live(in, t * batch + b)) {
                    int xr = xt + b * g;
                    k.sigmoid(2 * h, x, xr, x, xr);
                    k.mul(h, x, xr, hp, hpo + b * h, rh, rho + (t * batch + b) * h);
                }
            }
            k.gemmNN(batch, h, h, rh, rho + t * n, h, wt, wto + 2 * h, g, x, xt + 2 * h, g, true);
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                int yr = yo + row * h;
                int pr = hpo + b * h;
                if (!live(in, row)) {
                    System.arraycopy(hp, pr, y, yr, h);
                    continue;
                }
                int xr = xt + b * g;
                GruBlend.forwardFromGates(k, h, x, xr, hp, pr, y, yr);
            }
        }
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 3 * h;
        int n = batch * h;
        Tensor h0 = in[1];
        float[] w = in[p + 1].data();
        int wo = in[p + 1].offset();
        float[] x = gates.data();
        int xo = gates.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor dGates = ws.take(rows, g);
        float[] dx = dGates.data();
        int dxo = dGates.offset();
        Tensor dResetState = ws.take(batch, h);
        float[] drh = dResetState.data();
        int drho = dResetState.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        Tensor scratch = ws.take(2, h);
        float[] s = scratch.data();
        int s0 = scratch.offset();
        int s1 = s0 + h;
        for (int t = steps - 1; t >= 0; t--) {
            addOutputGradient(t, gradOut[0], dh, dho);
            float[] hp = t == 0 ? h0.data() : y;
            int hpo = t == 0 ? h0.offset() : yo + (t - 1) * n;
            int dxt = dxo + t * batch * g;
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                if (!live(in, row)) {
                    continue;
                }
                int xr = xo + row * g;
                int dxr = dxt + b * g;
                GruBlend.backwardToGates(k, h, dh, dho + b * h, x, xr, hp, hpo + b * h, s, s0, s1, dx, dxr);
            }
            // d(r * h) = dn W_hn
            k.gemmNN(batch, h, h, dx, dxt + 2 * h, g, w, wo + 2 * h * h, h, drh, drho, h, false);
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                if (!live(in, row)) {
                    continue;
                }
                int xr = xo + row * g;
                int hr = dho + b * h;
                int pr = hpo + b * h;
                int dr = drho + b * h;
                k.mul(h, drh, dr, hp, pr, s, s0);
                k.sigmoidBackward(h, x, xr, s, s0, dx, dxt + b * g, false);
                for (int j = 0; j < h; j++) {
                    dh[hr + j] += drh[dr + j] * x[xr + j];
                }
            }
            if (t > 0 || gradIn[1] != null) {
                k.gemmNN(batch, h, 2 * h, dx, dxt, g, w, wo, h, dh, dho, h, true);
            }
        }
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], null, dx, dxo, g);
        biasGradients(dx, dxo, g, gradIn[p + 2], gradIn[p + 3], ws);
        recurrentWeightGradient(2 * h, dx, dxo, g, h0, out[0], gradIn[p + 1], 0);
        Tensor gw = gradIn[p + 1];
        if (gw != null) {
            k.gemmTN(h, h, rows, dx, dxo + 2 * h, g, resetState.data(), resetState.offset(), h,
                    gw.data(), gw.offset() + 2 * h * h, h, true);
        }
    }
}
