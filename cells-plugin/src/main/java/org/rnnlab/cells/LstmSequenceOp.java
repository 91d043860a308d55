package org.rnnlab.cells;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/**
 * The fused LSTM sequence. Forward keeps the gate activations {@code [T*B, 4H]} (i, f, g, o per row),
 * the cell states and their tanh for backward; backward writes the gates' pre-activation gradients of
 * every step into one {@code [T*B, 4H]} buffer, which then gives all weight gradients in one GEMM each.
 */
final class LstmSequenceOp extends SequenceOp {
    private Tensor gates;
    private Tensor cells;
    private Tensor cellTanh;

    LstmSequenceOp(int steps, int batch, int input, int hidden, boolean masked, double[] norms) {
        super("lstm-sequence", steps, batch, input, hidden, 2, masked, norms);
    }

    @Override
    int[][] parameterShapes() {
        int g = 4 * hidden;
        return new int[][] {{g, input}, {g, hidden}, {g}, {g}};
    }

    @Override
    public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 4 * h;
        int n = batch * h;
        Tensor h0 = in[1];
        Tensor c0 = in[2];
        Tensor whh = in[p + 1];
        Tensor bhh = in[p + 3];
        gates = ws.take(rows, g);
        cells = ws.take(rows, h);
        cellTanh = ws.take(rows, h);
        float[] z = gates.data();
        int zo = gates.offset();
        float[] c = cells.data();
        int co = cells.offset();
        float[] tc = cellTanh.data();
        int tco = cellTanh.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor whhT = transposed(ws, whh);
        projectInputs(in[0], in[p], in[p + 2], bhh, g, z, zo, ws);
        for (int t = 0; t < steps; t++) {
            float[] hp = t == 0 ? h0.data() : y;
            int hpo = t == 0 ? h0.offset() : yo + (t - 1) * n;
            float[] cp = t == 0 ? c0.data() : c;
            int cpo = t == 0 ? c0.offset() : co + (t - 1) * n;
            k.gemmNN(batch, g, h, hp, hpo, h, whhT.data(), whhT.offset(), g, z, zo + t * batch * g, g, true);
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                int cr = co + row * h;
                int yr = yo + row * h;
                if (!live(in, row)) {
                    System.arraycopy(hp, hpo + b * h, y, yr, h);
                    System.arraycopy(cp, cpo + b * h, c, cr, h);
                    continue;
                }
                int zr = zo + row * g;
                int tr = tco + row * h;
                k.sigmoid(2 * h, z, zr, z, zr);
                k.tanh(h, z, zr + 2 * h, z, zr + 2 * h);
                k.sigmoid(h, z, zr + 3 * h, z, zr + 3 * h);
                k.mul(h, z, zr + h, cp, cpo + b * h, c, cr);
                k.mul(h, z, zr, z, zr + 2 * h, tc, tr);
                k.add(h, c, cr, tc, tr, c, cr);
                k.tanh(h, c, cr, tc, tr);
                k.mul(h, z, zr + 3 * h, tc, tr, y, yr);
            }
        }
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
        System.arraycopy(c, co + (steps - 1) * n, out[2].data(), out[2].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 4 * h;
        int n = batch * h;
        Tensor c0 = in[2];
        Tensor whh = in[p + 1];
        float[] z = gates.data();
        int zo = gates.offset();
        float[] c = cells.data();
        int co = cells.offset();
        float[] tc = cellTanh.data();
        int tco = cellTanh.offset();
        Tensor dGates = ws.take(rows, g);
        float[] dz = dGates.data();
        int dzo = dGates.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        Tensor dcT = copyOf(ws, gradOut[2]);
        float[] dc = dcT.data();
        int dco = dcT.offset();
        for (int t = steps - 1; t >= 0; t--) {
            addOutputGradient(t, gradOut[0], dh, dho);
            float[] cp = t == 0 ? c0.data() : c;
            int cpo = t == 0 ? c0.offset() : co + (t - 1) * n;
            if (!masked) {
                // every row live: one pass over the whole [B, 4H] block of this step
                k.lstmBackwardPointwise(batch, h, z, zo + t * batch * g, tc, tco + t * n, cp, cpo, dh, dho, dc, dco,
                        dz, dzo + t * batch * g);
            } else {
                for (int b = 0; b < batch; b++) {
                    int row = t * batch + b;
                    if (!live(in, row)) {
                        continue; // a padded step passes dh and dc through unchanged
                    }
                    k.lstmBackwardPointwise(1, h, z, zo + row * g, tc, tco + row * h, cp, cpo + b * h, dh, dho + b * h,
                            dc, dco + b * h, dz, dzo + row * g);
                }
            }
            if (t > 0 || gradIn[1] != null) {
                k.gemmNN(batch, h, g, dz, dzo + t * batch * g, g, whh.data(), whh.offset(), h, dh, dho, h, true);
            }
        }
        addInto(gradIn[1], dh, dho);
        addInto(gradIn[2], dc, dco);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], null, dz, dzo, g);
        biasGradients(dz, dzo, g, gradIn[p + 2], gradIn[p + 3], ws);
        recurrentWeightGradient(g, dz, dzo, g, in[1], out[0], gradIn[p + 1], 0);
    }
}
