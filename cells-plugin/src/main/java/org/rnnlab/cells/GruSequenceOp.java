package org.rnnlab.cells;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/**
 * The fused reset-after GRU ({@code torch.nn.GRU}): the three recurrent products of a step are one GEMM
 * {@code h W_hh^T + b_hh}, kept per step because the reset gate's gradient needs {@code W_hn h + b_hn}.
 */
final class GruSequenceOp extends SequenceOp {
    private Tensor gates;
    private Tensor recurrent;

    GruSequenceOp(int steps, int batch, int input, int hidden, boolean masked, double[] norms) {
        super("gru-sequence", steps, batch, input, hidden, 1, masked, norms);
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
        recurrent = ws.take(rows, g);
        Tensor scratch = ws.take(h);
        float[] s = scratch.data();
        int so = scratch.offset();
        float[] x = gates.data();
        int xo = gates.offset();
        float[] r = recurrent.data();
        int ro = recurrent.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor whhT = transposed(ws, whh);
        projectInputs(in[0], in[p], in[p + 2], g, x, xo);
        for (int t = 0; t < steps; t++) {
            float[] hp = t == 0 ? h0.data() : y;
            int hpo = t == 0 ? h0.offset() : yo + (t - 1) * n;
            int rt = ro + t * batch * g;
            k.gemmNN(batch, g, h, hp, hpo, h, whhT.data(), whhT.offset(), g, r, rt, g, false);
            k.addBias(batch, g, bhh.data(), bhh.offset(), r, rt);
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                int yr = yo + row * h;
                int pr = hpo + b * h;
                if (!live(in, row)) {
                    System.arraycopy(hp, pr, y, yr, h);
                    continue;
                }
                int xr = xo + row * g;
                int rr = rt + b * g;
                k.add(2 * h, x, xr, r, rr, x, xr);
                k.sigmoid(2 * h, x, xr, x, xr);
                k.mul(h, x, xr, r, rr + 2 * h, s, so);
                k.add(h, x, xr + 2 * h, s, so, x, xr + 2 * h);
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
        Tensor whh = in[p + 1];
        float[] x = gates.data();
        int xo = gates.offset();
        float[] r = recurrent.data();
        int ro = recurrent.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor dInput = ws.take(rows, g);
        float[] dx = dInput.data();
        int dxo = dInput.offset();
        Tensor dRecurrent = ws.take(rows, g);
        float[] dr = dRecurrent.data();
        int dro = dRecurrent.offset();
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
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                if (!live(in, row)) {
                    continue;
                }
                int xr = xo + row * g;
                int rr = ro + row * g;
                int dxr = dxo + row * g;
                int drr = dro + row * g;
                int hr = dho + b * h;
                GruBlend.backwardToGates(k, h, dh, hr, x, xr, hp, hpo + b * h, s, s0, s1, dx, dxr);
                k.mul(h, dx, dxr + 2 * h, x, xr, dr, drr + 2 * h);
                k.mul(h, dx, dxr + 2 * h, r, rr + 2 * h, s, s0);
                k.sigmoidBackward(h, x, xr, s, s0, dx, dxr, false);
                System.arraycopy(dx, dxr, dr, drr, 2 * h);
            }
            if (t > 0 || gradIn[1] != null) {
                k.gemmNN(batch, h, g, dr, dro + t * batch * g, g, whh.data(), whh.offset(), h, dh, dho, h, true);
            }
        }
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], gradIn[p + 2], dx, dxo, g);
        recurrentWeightGradient(g, dr, dro, g, h0, out[0], gradIn[p + 1], 0);
        if (gradIn[p + 3] != null) {
            k.sumRows(rows, g, dr, dro, gradIn[p + 3].data(), gradIn[p + 3].offset());
        }
    }
}
