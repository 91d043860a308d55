package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.engine.Tensor;

/**
 * Greedy decoding of many sources at once: every step emits each unfinished output's most probable
 * token (the lowest id on a tie), until {@code <eos>} or {@code maxLength} tokens. Deterministic.
 *
 * @since 0.1
 */
public final class GreedyDecoder {
    private final EncoderDecoder model;
    private final int maxLength;

    public GreedyDecoder(EncoderDecoder model, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("the maximum output length must be at least 1, not " + maxLength);
        }
        this.model = model;
        this.maxLength = maxLength;
    }

    /** The outputs for {@code sources} (ids without specials), in order. */
    public List<Translation> decode(List<int[]> sources) {
        EncoderDecoder.Encoding encoding = model.encode(sources);
        int n = sources.size();
        int[] sourceOf = new int[n];
        Arrays.setAll(sourceOf, i -> i);
        int[] previous = new int[n];
        Arrays.fill(previous, Vocabulary.BOS);
        List<Tensor> states = encoding.initialStates();
        List<List<Integer>> tokens = new ArrayList<>(n);
        List<List<float[]>> weights = new ArrayList<>(n);
        double[] logp = new double[n];
        boolean[] ended = new boolean[n];
        for (int i = 0; i < n; i++) {
            tokens.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        int open = n;
        for (int t = 0; t < maxLength && open > 0; t++) {
            EncoderDecoder.DecoderStep step = model.step(encoding, sourceOf, previous, states);
            for (int i = 0; i < n; i++) {
                if (ended[i]) {
                    continue;
                }
                double[] lp = LogSoftmax.row(step.logits(), i);
                int token = LogSoftmax.argmax(lp);
                logp[i] += lp[token];
                if (step.weights() != null) {
                    weights.get(i).add(column(step.weights(), i, encoding.lengths()[i]));
                }
                previous[i] = token;
                if (token == Vocabulary.EOS) {
                    ended[i] = true;
                    open--;
                } else {
                    tokens.get(i).add(token);
                }
            }
            states = step.states();
        }
        List<Translation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Translation(tokens.get(i).stream().mapToInt(Integer::intValue).toArray(), logp[i], ended[i],
                    weights.get(i).toArray(new float[0][])));
        }
        return out;
    }

    /** Column {@code col} of {@code [S, N]} weights, cut to the source's {@code length} real steps. */
    static float[] column(Tensor weights, int col, int length) {
        int cols = weights.dim(1);
        float[] out = new float[length];
        for (int s = 0; s < length; s++) {
            out[s] = weights.data()[weights.offset() + s * cols + col];
        }
        return out;
    }
}
