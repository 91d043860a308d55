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
        Tensor scratch = ws.take(batch, h); // a row each, so parts split by rows do not share it
        float[] x = gates.data();
        int xo = gates.offset();
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor whhT = transposed(ws, whh);
        projectInputs(in[0], in[p], in[p + 2], g, x, xo);
        ForwardStep step = forwardStep;
        step.in = in;
        step.w = whhT;
        step.bias = bhh;
        step.y = out[0];
        step.scratch = scratch;
        forwardThroughTime(step, g);
        step.clear();
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int g = 3 * h;
        Tensor h0 = in[1];
        Tensor whh = in[p + 1];
        Tensor dInput = ws.take(rows, g);
        float[] dx = dInput.data();
        int dxo = dInput.offset();
        Tensor dRecurrent = ws.take(rows, g);
        float[] dr = dRecurrent.data();
        int dro = dRecurrent.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        Tensor scratch = ws.take(batch, 2 * h); // a row each, so parts split by rows do not share it
        BackwardStep step = backwardStep;
        step.in = in;
        step.y = out[0];
        step.whh = whh;
        step.dx = dInput;
        step.dPre = dRecurrent;
        step.scratch = scratch;
        backwardThroughTime(step, g, gradIn[1] != null, gradOut[0], dhT);
        step.clear();
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], gradIn[p + 2], dx, dxo, g);
        recurrentWeightGradient(g, dr, dro, g, h0, out[0], gradIn[p + 1], 0);
        if (gradIn[p + 3] != null) {
            k.sumRows(rows, g, dr, dro, gradIn[p + 3].data(), gradIn[p + 3].offset());
        }
    }

    private final ForwardStep forwardStep = new ForwardStep();
    private final BackwardStep backwardStep = new BackwardStep();

    /**
     * Forward step {@code t} at some rows and units: their columns of {@code h W_hh^T + b_hh} in the three gates,
     * then the gates and the blend.
     */
    private final class ForwardStep extends ForwardPass {
        Tensor[] in;
        Tensor w;
        Tensor bias;
        Tensor y;
        Tensor scratch;

        void clear() {
            in = null;
            w = bias = y = scratch = null;
        }

        @Override
        void step(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int g = 3 * h;
            int u = to - from;
            float[] hp = t == 0 ? in[1].data() : y.data();
            int hpo = t == 0 ? in[1].offset() : y.offset() + (t - 1) * batch * h;
            float[] r = recurrent.data();
            int rt = recurrent.offset() + t * batch * g;
            float[] x = gates.data();
            float[] s = scratch.data();
            if (u == h) {
                k.gemmNN(b1 - b0, g, h, hp, hpo + b0 * h, h, w.data(), w.offset(), g, r, rt + b0 * g, g, false);
            }
            for (int q = 0; q < 3; q++) {
                int col = q * h + from;
                if (u != h) {
                    k.gemmNN(b1 - b0, u, h, hp, hpo + b0 * h, h, w.data(), w.offset() + col, g, r, rt + b0 * g + col, g,
                            false);
                }
                for (int b = b0; b < b1; b++) {
                    k.add(u, r, rt + b * g + col, bias.data(), bias.offset() + col, r, rt + b * g + col);
                }
            }
            for (int b = b0; b < b1; b++) {
                int so = scratch.offset() + b * h + from;
                int row = t * batch + b;
                int yr = y.offset() + row * h;
                int pr = hpo + b * h;
                if (!live(in, row)) {
                    System.arraycopy(hp, pr + from, y.data(), yr + from, u);
                    continue;
                }
                int xr = gates.offset() + row * g;
                int rr = rt + b * g;
                for (int q = 0; q < 2; q++) {
                    int o = q * h + from;
                    k.add(u, x, xr + o, r, rr + o, x, xr + o);
                    k.sigmoid(u, x, xr + o, x, xr + o);
                }
                k.mul(u, x, xr + from, r, rr + 2 * h + from, s, so);
                k.add(u, x, xr + 2 * h + from, s, so, x, xr + 2 * h + from);
                GruBlend.forwardFromGates(k, h, from, to, x, xr, hp, pr, y.data(), yr);
            }
        }
    }

    /** The GRU's backward step: {@code dh += dR_t W_hh}, and the gates' gradients through the blend. */
    private final class BackwardStep extends BackwardPass {
        Tensor[] in;
        Tensor y;
        Tensor dx;
        Tensor scratch;

        void clear() {
            in = null;
            y = dx = scratch = null;
        }

        @Override
        void gates(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int g = 3 * h;
            int n = batch * h;
            int u = to - from;
            int f = from;
            float[] hp = t == 0 ? in[1].data() : y.data();
            int hpo = t == 0 ? in[1].offset() : y.offset() + (t - 1) * n;
            float[] x = gates.data();
            float[] r = recurrent.data();
            float[] dxs = dx.data();
            Tensor dr = dPre;
            float[] drs = dr.data();
            float[] s = scratch.data();
            for (int b = b0; b < b1; b++) {
                int row = t * batch + b;
                if (!live(in, row)) {
                    continue;
                }
                int s0 = scratch.offset() + b * 2 * h;
                int s1 = s0 + h;
                int xr = gates.offset() + row * g;
                int rr = recurrent.offset() + row * g;
                int dxr = dx.offset() + row * g;
                int drr = dr.offset() + row * g;
                GruBlend.backwardToGates(k, h, from, to, dh.data(), dh.offset() + b * h, x, xr, hp, hpo + b * h, s, s0, s1,
                        dxs, dxr);
                k.mul(u, dxs, dxr + 2 * h + f, x, xr + f, drs, drr + 2 * h + f);
                k.mul(u, dxs, dxr + 2 * h + f, r, rr + 2 * h + f, s, s0 + f);
                k.sigmoidBackward(u, x, xr + f, s, s0 + f, dxs, dxr + f, false);
                System.arraycopy(dxs, dxr + f, drs, drr + f, u);
                System.arraycopy(dxs, dxr + h + f, drs, drr + h + f, u);
            }
        }
    }
}
