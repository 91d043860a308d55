package org.rnnlab.model.embedding;

import org.rnnlab.engine.Tensor;

/**
 * The skip-gram negative-sampling objective of word2vec (Mikolov et al. 2013) on one batch: for each
 * example, a center word c, a context word o and k negative words n_1..n_k,
 * {@code loss = -log sigmoid(u_o . v_c) - sum_j log sigmoid(-u_nj . v_c)}, averaged over the batch, where
 * {@code v} are the rows of the input (center) table and {@code u} those of the output (context) table,
 * both {@code [V, E]}. Gradients are written by hand, sparse: only the rows a batch names are touched, which
 * is what makes word2vec cheap. Sums are taken in double; a scalar kernel, since each example touches a few
 * rows of width E only.
 */
public final class SkipGramLoss {
    private SkipGramLoss() {}

    /**
     * The mean loss of the batch; adds its gradient into {@code gradInput} and {@code gradOutput} (same shapes
     * as the tables; rows not named stay as they are).
     *
     * @param negatives {@code negatives[i * k + j]} is the j-th negative of example i
     */
    public static double lossAndGradients(int[] centers, int[] contexts, int[] negatives, int k, Tensor input,
                                          Tensor output, Tensor gradInput, Tensor gradOutput) {
        int batch = centers.length;
        if (contexts.length != batch || negatives.length != batch * k) {
            throw new IllegalArgumentException(batch + " centers need as many contexts (got " + contexts.length + ") and "
                    + batch * k + " negatives (got " + negatives.length + ")");
        }
        int e = input.dim(1);
        float[] in = input.data();
        float[] out = output.data();
        float[] gIn = gradInput.data();
        float[] gOut = gradOutput.data();
        int inOff = input.offset();
        int outOff = output.offset();
        int gInOff = gradInput.offset();
        int gOutOff = gradOutput.offset();
        double scale = 1.0 / batch;
        double total = 0;
        double[] dv = new double[e];
        for (int i = 0; i < batch; i++) {
            int v = inOff + centers[i] * e;
            java.util.Arrays.fill(dv, 0);
            for (int j = -1; j < k; j++) {
                boolean positive = j < 0;
                int word = positive ? contexts[i] : negatives[i * k + j];
                int u = outOff + word * e;
                double dot = 0;
                for (int d = 0; d < e; d++) {
                    dot += (double) in[v + d] * out[u + d];
                }
                // -log sigmoid(x) for the context, -log sigmoid(-x) for a negative; d/dx as sigmoid(x) - label
                double x = positive ? dot : -dot;
                total += Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
                double g = (sigmoid(dot) - (positive ? 1 : 0)) * scale;
                int gu = gOutOff + word * e;
                for (int d = 0; d < e; d++) {
                    dv[d] += g * out[u + d];
                    gOut[gu + d] += (float) (g * in[v + d]);
                }
            }
            int gv = gInOff + centers[i] * e;
            for (int d = 0; d < e; d++) {
                gIn[gv + d] += (float) dv[d];
            }
        }
        return total * scale;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
