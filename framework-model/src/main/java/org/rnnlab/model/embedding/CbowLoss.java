package org.rnnlab.model.embedding;

import org.rnnlab.engine.Tensor;

/**
 * word2vec's continuous bag of words with negative sampling (Mikolov et al. 2013) on one batch: for each
 * example, the words around a center word (a variable number), their input rows averaged into
 * {@code h}, the center word o and k negative words n_1..n_k,
 * {@code loss = -log sigmoid(u_o . h) - sum_j log sigmoid(-u_nj . h)}, averaged over the batch. The gradient
 * of {@code h} reaches each context row divided by the number of context words, the exact gradient of the
 * mean (the C tool adds it undivided). Sparse and hand-written as {@link SkipGramLoss}; sums in double.
 */
public final class CbowLoss {
    private CbowLoss() {}

    /**
     * The mean loss of the batch; adds its gradient into {@code gradInput} and {@code gradOutput}.
     *
     * @param contexts   the context words of all examples, example after example
     * @param starts     example i's context words are {@code contexts[starts[i] .. starts[i + 1])}; one more entry
     *                   than there are examples, each example with at least one word
     * @param centers    the word each example predicts
     * @param negatives  {@code negatives[i * k + j]} is the j-th negative of example i
     */
    public static double lossAndGradients(int[] contexts, int[] starts, int[] centers, int[] negatives, int k,
                                          Tensor input, Tensor output, Tensor gradInput, Tensor gradOutput) {
        int batch = centers.length;
        if (starts.length != batch + 1 || negatives.length != batch * k || starts[batch] != contexts.length) {
            throw new IllegalArgumentException(batch + " centers need " + (batch + 1) + " starts (got " + starts.length
                    + ") ending at the " + contexts.length + " context words, and " + batch * k + " negatives (got "
                    + negatives.length + ")");
        }
        int e = input.dim(1);
        float[] in = input.data();
        float[] out = output.data();
        float[] gIn = gradInput.data();
        float[] gOut = gradOutput.data();
        double scale = 1.0 / batch;
        double total = 0;
        double[] h = new double[e];
        double[] dh = new double[e];
        for (int i = 0; i < batch; i++) {
            int count = starts[i + 1] - starts[i];
            if (count < 1) {
                throw new IllegalArgumentException("example " + i + " has no context words");
            }
            java.util.Arrays.fill(h, 0);
            java.util.Arrays.fill(dh, 0);
            for (int c = starts[i]; c < starts[i + 1]; c++) {
                int row = input.offset() + contexts[c] * e;
                for (int d = 0; d < e; d++) {
                    h[d] += in[row + d];
                }
            }
            for (int d = 0; d < e; d++) {
                h[d] /= count;
            }
            for (int j = -1; j < k; j++) {
                boolean positive = j < 0;
                int word = positive ? centers[i] : negatives[i * k + j];
                int u = output.offset() + word * e;
                double dot = 0;
                for (int d = 0; d < e; d++) {
                    dot += h[d] * out[u + d];
                }
                double x = positive ? dot : -dot;
                total += Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
                double g = (SkipGramLoss.sigmoid(dot) - (positive ? 1 : 0)) * scale;
                int gu = gradOutput.offset() + word * e;
                for (int d = 0; d < e; d++) {
                    dh[d] += g * out[u + d];
                    gOut[gu + d] += (float) (g * h[d]);
                }
            }
            for (int c = starts[i]; c < starts[i + 1]; c++) {
                int gv = gradInput.offset() + contexts[c] * e;
                for (int d = 0; d < e; d++) {
                    gIn[gv + d] += (float) (dh[d] / count);
                }
            }
        }
        return total * scale;
    }
}
