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
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor whhT = transposed(ws, whh);
        projectInputs(in[0], in[p], in[p + 2], bhh, g, z, zo, ws);
        ForwardStep step = forwardStep;
        step.in = in;
        step.w = whhT;
        step.y = out[0];
        forwardThroughTime(step, g);
        step.clear();
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
        System.arraycopy(c, co + (steps - 1) * n, out[2].data(), out[2].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 4 * h;
        Tensor whh = in[p + 1];
        Tensor dGates = ws.take(rows, g);
        float[] dz = dGates.data();
        int dzo = dGates.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        Tensor dcT = copyOf(ws, gradOut[2]);
        float[] dc = dcT.data();
        int dco = dcT.offset();
        BackwardStep step = backwardStep;
        step.in = in;
        step.whh = whh;
        step.dc = dcT;
        step.dPre = dGates;
        backwardThroughTime(step, g, gradIn[1] != null, gradOut[0], dhT);
        step.clear();
        addInto(gradIn[1], dh, dho);
        addInto(gradIn[2], dc, dco);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], null, dz, dzo, g);
        biasGradients(dz, dzo, g, gradIn[p + 2], gradIn[p + 3], ws);
        recurrentWeightGradient(g, dz, dzo, g, in[1], out[0], gradIn[p + 1], 0);
    }

    private final ForwardStep forwardStep = new ForwardStep();
    private final BackwardStep backwardStep = new BackwardStep();

    /** Forward step {@code t}: the four gate columns of {@code h W_hh^T} at some units and rows, then the cell. */
    private final class ForwardStep extends ForwardPass {
        Tensor[] in;
        Tensor w;
        Tensor y;

        void clear() {
            in = null;
            w = y = null;
        }

        @Override
        void step(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int g = 4 * h;
            int n = batch * h;
            int u = to - from;
            float[] hp = t == 0 ? in[1].data() : y.data();
            int hpo = t == 0 ? in[1].offset() : y.offset() + (t - 1) * n;
            float[] cp = t == 0 ? in[2].data() : cells.data();
            int cpo = t == 0 ? in[2].offset() : cells.offset() + (t - 1) * n;
            float[] z = gates.data();
            int zt = gates.offset() + t * batch * g;
            if (u == h) {
                k.gemmNN(b1 - b0, g, h, hp, hpo + b0 * h, h, w.data(), w.offset(), g, z, zt + b0 * g, g, true);
            } else {
                for (int q = 0; q < 4; q++) {
                    k.gemmNN(b1 - b0, u, h, hp, hpo + b0 * h, h, w.data(), w.offset() + q * h + from, g, z,
                            zt + b0 * g + q * h + from, g, true);
                }
            }
            float[] c = cells.data();
            float[] tc = cellTanh.data();
            float[] ys = y.data();
            for (int b = b0; b < b1; b++) {
                int row = t * batch + b;
                int cr = cells.offset() + row * h + from;
                int yr = y.offset() + row * h + from;
                int hb = b * h + from;
                if (!live(in, row)) {
                    System.arraycopy(hp, hpo + hb, ys, yr, u);
                    System.arraycopy(cp, cpo + hb, c, cr, u);
                    continue;
                }
                int zr = zt + b * g + from;
                int tr = cellTanh.offset() + row * h + from;
                k.sigmoid(u, z, zr, z, zr);
                k.sigmoid(u, z, zr + h, z, zr + h);
                k.tanh(u, z, zr + 2 * h, z, zr + 2 * h);
                k.sigmoid(u, z, zr + 3 * h, z, zr + 3 * h);
                k.mul(u, z, zr + h, cp, cpo + hb, c, cr);
                k.mul(u, z, zr, z, zr + 2 * h, tc, tr);
                k.add(u, c, cr, tc, tr, c, cr);
                k.tanh(u, c, cr, tc, tr);
                k.mul(u, z, zr + 3 * h, tc, tr, ys, yr);
            }
        }
    }

    /** The LSTM's backward step: {@code dh += dZ_t W_hh}, and the gates' gradients (the cell's chain). */
    private final class BackwardStep extends BackwardPass {
        Tensor[] in;
        Tensor dc;

        void clear() {
            in = null;
            dc = null;
        }

        @Override
        void gates(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int g = 4 * h;
            int n = batch * h;
            float[] z = gates.data();
            int zt = gates.offset() + t * batch * g;
            int tct = cellTanh.offset() + t * n;
            float[] cp = t == 0 ? in[2].data() : cells.data();
            int cpo = t == 0 ? in[2].offset() : cells.offset() + (t - 1) * n;
            Tensor dz = dPre;
            int dzt = dz.offset() + t * batch * g;
            if (!masked) {
                k.lstmBackwardColumns(b1 - b0, h, from, to, z, zt + b0 * g, cellTanh.data(), tct + b0 * h, cp,
                        cpo + b0 * h, dh.data(), dh.offset() + b0 * h, dc.data(), dc.offset() + b0 * h, dz.data(),
                        dzt + b0 * g);
                return;
            }
            for (int b = b0; b < b1; b++) {
                if (!live(in, t * batch + b)) {
                    continue; // a padded step passes dh and dc through unchanged
                }
                k.lstmBackwardColumns(1, h, from, to, z, zt + b * g, cellTanh.data(), tct + b * h, cp, cpo + b * h,
                        dh.data(), dh.offset() + b * h, dc.data(), dc.offset() + b * h, dz.data(), dzt + b * g);
            }
        }
    }
}
