package org.rnnlab.cells;

import java.util.Arrays;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/** The fused Elman sequence: pre-activations of all steps by one GEMM, then {@code h W_hh^T} per step. */
final class RnnSequenceOp extends SequenceOp {
    private final Activation activation;

    RnnSequenceOp(int steps, int batch, int input, int hidden, boolean masked, double[] norms, Activation activation) {
        super("rnn-" + activation.id() + "-sequence", steps, batch, input, hidden, 1, masked, norms);
        this.activation = activation;
    }

    @Override
    int[][] parameterShapes() {
        return new int[][] {{hidden, input}, {hidden, hidden}, {hidden}, {hidden}};
    }

    @Override
    public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
        int p = firstParameter();
        Tensor h0 = in[1];
        Tensor whh = in[p + 1];
        Tensor bhh = in[p + 3];
        float[] y = out[0].data();
        int yo = out[0].offset();
        int h = hidden;
        int n = batch * h;
        Tensor whhT = transposed(ws, whh);
        projectInputs(in[0], in[p], in[p + 2], bhh, h, y, yo, ws);
        ForwardStep step = forwardStep;
        step.in = in;
        step.w = whhT;
        step.y = out[0];
        step.h0 = h0;
        forwardThroughTime(step, h);
        step.clear();
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        Tensor whh = in[p + 1];
        int h = hidden;
        Tensor dPre = ws.take(rows, h);
        float[] d = dPre.data();
        int dOff = dPre.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        BackwardStep step = backwardStep;
        step.in = in;
        step.y = out[0];
        step.whh = whh;
        step.dPre = dPre;
        // masked: live rows were cleared and padded rows carry their gradient, so accumulate
        step.accumulate = masked;
        backwardThroughTime(step, h, gradIn[1] != null, gradOut[0], dhT);
        step.clear();
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], null, d, dOff, h);
        biasGradients(d, dOff, h, gradIn[p + 2], gradIn[p + 3], ws);
        recurrentWeightGradient(h, d, dOff, h, in[1], out[0], gradIn[p + 1], 0);
    }

    private final ForwardStep forwardStep = new ForwardStep();
    private final BackwardStep backwardStep = new BackwardStep();

    /** Forward step {@code t} at some rows and units: their columns of {@code h W_hh^T}, then the activation. */
    private final class ForwardStep extends ForwardPass {
        Tensor[] in;
        Tensor w;
        Tensor y;
        Tensor h0;

        void clear() {
            in = null;
            w = y = h0 = null;
        }

        @Override
        void step(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int n = batch * h;
            int u = to - from;
            float[] ys = y.data();
            int cur = y.offset() + t * n;
            float[] prev = t == 0 ? h0.data() : ys;
            int po = t == 0 ? h0.offset() : cur - n;
            k.gemmNN(b1 - b0, u, h, prev, po + b0 * h, h, w.data(), w.offset() + from, h, ys, cur + b0 * h + from, h, true);
            for (int b = b0; b < b1; b++) {
                int r = cur + b * h + from;
                if (masked && !live(in, t * batch + b)) {
                    System.arraycopy(prev, po + b * h + from, ys, r, u);
                } else {
                    activation.apply(k, u, ys, r);
                }
            }
        }
    }

    /** The Elman backward step: {@code dh (+)= dPre_t W_hh}, and the pre-activations' gradients. */
    private final class BackwardStep extends BackwardPass {
        Tensor[] in;
        Tensor y;

        void clear() {
            in = null;
            y = null;
        }

        @Override
        void gates(int t, int b0, int b1, int from, int to) {
            int h = hidden;
            int n = batch * h;
            int u = to - from;
            float[] dhs = dh.data();
            Tensor d = dPre;
            int yr = y.offset() + t * n + from;
            int dr = d.offset() + t * n + from;
            int dhr = dh.offset() + from;
            for (int b = b0; b < b1; b++) {
                int o = b * h;
                if (!masked) {
                    activation.backward(k, u, y.data(), yr + o, dhs, dhr + o, d.data(), dr + o);
                } else if (live(in, t * batch + b)) {
                    activation.backward(k, u, y.data(), yr + o, dhs, dhr + o, d.data(), dr + o);
                    Arrays.fill(dhs, dhr + o, dhr + o + u, 0f);
                }
            }
        }
    }
}
