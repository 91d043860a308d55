package org.rnnlab.cells;

import java.util.Arrays;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/** The fused dense layer over a sequence: one GEMM for all rows; padded rows repeat the previous output. */
final class DenseSequenceOp extends SequenceOp {
    private final Activation activation;

    DenseSequenceOp(int steps, int batch, int input, int hidden, boolean masked, double[] norms, Activation activation) {
        super("dense-" + activation.id() + "-sequence", steps, batch, input, hidden, 1, masked, norms);
        this.activation = activation;
    }

    @Override
    int[][] parameterShapes() {
        return new int[][] {{hidden, input}, {hidden}};
    }

    @Override
    public void forward(Tensor[] in, Tensor[] out, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int n = batch * h;
        Tensor h0 = in[1];
        float[] y = out[0].data();
        int yo = out[0].offset();
        projectInputs(in[0], in[p], in[p + 1], h, y, yo);
        activation.apply(k, rows * h, y, yo);
        if (masked) {
            for (int t = 0; t < steps; t++) {
                float[] hp = t == 0 ? h0.data() : y;
                int hpo = t == 0 ? h0.offset() : yo + (t - 1) * n;
                for (int b = 0; b < batch; b++) {
                    if (!live(in, t * batch + b)) {
                        System.arraycopy(hp, hpo + b * h, y, yo + (t * batch + b) * h, h);
                    }
                }
            }
        }
        System.arraycopy(y, yo + (steps - 1) * n, out[1].data(), out[1].offset(), n);
    }

    @Override
    public void backward(Tensor[] in, Tensor[] out, Tensor[] gradOut, Tensor[] gradIn, Workspace ws) {
        int p = firstParameter();
        int h = hidden;
        int n = batch * h;
        float[] y = out[0].data();
        int yo = out[0].offset();
        Tensor dPre = ws.take(rows, h);
        float[] d = dPre.data();
        int dOff = dPre.offset();
        Tensor dhT = copyOf(ws, gradOut[1]);
        float[] dh = dhT.data();
        int dho = dhT.offset();
        for (int t = steps - 1; t >= 0; t--) {
            addOutputGradient(t, gradOut[0], dh, dho);
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                if (live(in, row)) {
                    activation.backward(k, h, y, yo + row * h, dh, dho + b * h, d, dOff + row * h);
                    Arrays.fill(dh, dho + b * h, dho + (b + 1) * h, 0f);
                }
            }
        }
        addInto(gradIn[1], dh, dho);
        inputGradients(in[0], in[p], gradIn[0], gradIn[p], gradIn[p + 1], d, dOff, h);
    }
}
