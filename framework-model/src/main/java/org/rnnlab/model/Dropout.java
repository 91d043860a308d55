package org.rnnlab.model;

import java.util.random.RandomGenerator;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * The dropout rates of a {@link SequenceModel}, at the three places a PyTorch model usually drops:
 * {@code nn.Dropout} on the embedding output, {@code nn.LSTM(dropout=p)} between stacked layers (the
 * outputs of every layer but the last, never the recurrent connection) and {@code nn.Dropout} before the
 * output head. Training only: evaluation, validation and generation see every unit. Each element is
 * dropped with probability {@code p} and the kept ones are scaled by {@code 1 / (1 - p)} ("inverted"
 * dropout, PyTorch's), so nothing changes at evaluation time.
 *
 * @param embedding on what the first layer reads: the embedding output (one-hot vectors or the
 *     features themselves when the model has no embedding)
 * @param layers    between stacked layers (no effect with one layer, as in PyTorch)
 * @param output    on the top layer's outputs, before the head
 * @since 0.3
 */
public record Dropout(double embedding, double layers, double output) {
    /** No dropout anywhere. */
    public static final Dropout NONE = new Dropout(0, 0, 0);

    public Dropout {
        check("embedding", embedding);
        check("layers", layers);
        check("output", output);
    }

    /** Whether every rate is 0. */
    public boolean none() {
        return embedding == 0 && layers == 0 && output == 0;
    }

    private static void check(String where, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout rate " + where + " must be in [0, 1), not " + p);
        }
    }

    /**
     * {@code x} with elements dropped at rate {@code p}: the mask is drawn from {@code random}, one
     * {@code nextDouble()} per element in row-major order (dropped when below {@code p}), into a buffer of
     * {@code graph}'s workspace. A rate of 0 returns {@code x} itself and draws nothing, so a model with all
     * rates 0 computes exactly what a model without dropout does.
     */
    static Var apply(Graph graph, Var x, double p, RandomGenerator random) {
        if (p == 0) {
            return x;
        }
        Tensor mask = graph.workspace().take(x.value().shape());
        float[] m = mask.data();
        float kept = (float) (1.0 / (1.0 - p));
        for (int i = mask.offset(), end = mask.offset() + mask.size(); i < end; i++) {
            m[i] = random.nextDouble() < p ? 0f : kept;
        }
        return graph.dropout(x, mask);
    }
}
