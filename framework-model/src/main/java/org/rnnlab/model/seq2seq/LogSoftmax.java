package org.rnnlab.model.seq2seq;

import org.rnnlab.engine.Tensor;

/** Log-probabilities of one row of logits, in double, so that decoders rank candidates alike. */
final class LogSoftmax {
    private LogSoftmax() {}

    static double[] row(Tensor logits, int row) {
        int cols = logits.dim(1);
        float[] d = logits.data();
        int base = logits.offset() + row * cols;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, d[base + c]);
        }
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            sum += Math.exp(d[base + c] - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[cols];
        for (int c = 0; c < cols; c++) {
            out[c] = d[base + c] - log;
        }
        return out;
    }

    /** The first index of the largest entry. */
    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
