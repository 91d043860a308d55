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
        for (int t = 0; t < steps; t++) {
            int cur = yo + t * n;
            float[] prev = t == 0 ? h0.data() : y;
            int po = t == 0 ? h0.offset() : cur - n;
            k.gemmNN(batch, h, h, prev, po, h, whhT.data(), whhT.offset(), h, y, cur, h, true);
            activation.apply(k, n, y, cur);
            if (masked) {
                for (int b = 0; b < batch; b++) {
                    if (!live(in, t * batch + b)) {
                        System.arraycopy(prev, po + b * h, y, cur + b * h, h);
                    }
                }
            }
        }
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        Tensor whh = in[p + 1];
        float[] y = out[0].data();
        int yo = out[0].offset();
        int h = hidden;
        int n = batch * h;
        Tensor dPre = ws.take(rows, h);
        float[] d = dPre.data();
        int dOff = dPre.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        for (int t = steps - 1; t >= 0; t--) {
            addOutputGradient(t, gradOut[0], dh, dho);
            int yr = yo + t * n;
            int dr = dOff + t * n;
            if (!masked) {
                activation.backward(k, n, y, yr, dh, dho, d, dr);
            } else {
                for (int b = 0; b < batch; b++) {
                    if (live(in, t * batch + b)) {
                        activation.backward(k, h, y, yr + b * h, dh, dho + b * h, d, dr + b * h);
                        Arrays.fill(dh, dho + b * h, dho + (b + 1) * h, 0f);
                    }
                }
            }
            if (t > 0 || gradIn[1] != null) {
                // masked: live rows were cleared and padded rows carry their gradient, so accumulate
                k.gemmNN(batch, h, h, d, dr, h, whh.data(), whh.offset(), h, dh, dho, h, masked);
            }
        }
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], null, d, dOff, h);
        biasGradients(d, dOff, h, gradIn[p + 2], gradIn[p + 3], ws);
        recurrentWeightGradient(h, d, dOff, h, in[1], out[0], gradIn[p + 1], 0);
    }
}
