package org.rnnlab.model.seq2seq;

import java.util.Arrays;

/**
 * A decoded output: its target ids (without {@code <bos>} and {@code <eos>}), its log-probability under
 * the model (the sum over emitted tokens, the {@code <eos>} included when it was emitted), whether it
 * ended with {@code <eos>} (rather than at the length limit) and, with attention, the weights each
 * output step gave the source steps ({@code attention[t][s]}, one row per emitted token, the
 * {@code <eos>} included; empty without attention).
 *
 * @since 0.1
 */
public record Translation(int[] tokens, double logProbability, boolean ended, float[][] attention) {

    /** Emitted tokens, counting the {@code <eos>} if there was one: what length normalisation divides by. */
    public int emitted() {
        return tokens.length + (ended ? 1 : 0);
    }

    /** {@code logProbability / emitted^alpha}: 0 ranks by the log-probability itself, 1 by the mean per token. */
    public double score(double alpha) {
        return alpha == 0 ? logProbability : logProbability / Math.pow(Math.max(1, emitted()), alpha);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translation t && Arrays.equals(tokens, t.tokens) && logProbability == t.logProbability
                && ended == t.ended && Arrays.deepEquals(attention, t.attention);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + Double.hashCode(logProbability);
    }

    @Override
    public String toString() {
        return "Translation" + Arrays.toString(tokens) + " logp=" + logProbability + (ended ? "" : " (cut)");
    }
}
