package org.rnnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.engine.Tensor;

/**
 * Generates text from a language model: starts from {@code <bos>} and a prefix, then draws each next
 * token from the softmax of the logits divided by the temperature, restricted to the {@code topK} most
 * likely tokens when {@code topK > 0}, until {@code <eos>} or {@code maxTokens}. Special tokens other
 * than {@code <eos>} are never drawn. Used by the trainers for the samples after each epoch and by
 * {@code lab generate}; the same model, settings and random state give the same text.
 *
 * @param temperature positive; below 1 sharpens the distribution, above 1 flattens it
 * @param topK        draw only among the {@code topK} most likely tokens; 0 = all
 * @param prefix      text the samples start with (tokenized with the model's tokenizer)
 * @param maxTokens   the most tokens generated after the prefix
 * @since 0.1
 */
public record TextGeneration(double temperature, int topK, String prefix, int maxTokens) {

    public TextGeneration {
        if (!(temperature > 0)) {
            throw new org.rnnlab.api.ConfigException("setting 'temperature' must be positive but was " + temperature);
        }
        if (topK < 0) {
            throw new org.rnnlab.api.ConfigException("setting 'top_k' must be 0 (off) or positive but was " + topK);
        }
        if (maxTokens < 0) {
            throw new org.rnnlab.api.ConfigException("the sample length must not be negative but was " + maxTokens);
        }
        prefix = prefix == null ? "" : prefix;
    }

    /**
     * One sample: the prefix followed by the generated tokens, joined by the tokenizer. {@code model} must
     * be a language model over {@code vocabulary}; {@code random} is advanced by one draw per token.
     */
    public String sample(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary, RandomGenerator random) {
        List<Tensor> states = new ArrayList<>();
        List<String> tokens = new ArrayList<>(tokenizer.tokens(prefix));
        float[] logits = model.nextLogits(Vocabulary.BOS, states);
        for (int id : vocabulary.ids(tokens)) {
            logits = model.nextLogits(id, states);
        }
        for (int n = 0; n < maxTokens; n++) {
            int next = draw(logits, random);
            if (next == Vocabulary.EOS) {
                break;
            }
            tokens.add(vocabulary.token(next));
            logits = model.nextLogits(next, states);
        }
        return tokenizer.join(tokens);
    }

    /** The id of the next token, drawn from {@code logits} as the class comment says. */
    public int draw(float[] logits, RandomGenerator random) {
        int v = logits.length;
        double[] scaled = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            boolean allowed = i == Vocabulary.EOS || i >= Vocabulary.SPECIALS.size();
            scaled[i] = allowed ? logits[i] / temperature : Double.NEGATIVE_INFINITY;
            max = Math.max(max, scaled[i]);
        }
        if (topK > 0 && topK < v) {
            double[] sorted = scaled.clone();
            Arrays.sort(sorted);
            double threshold = sorted[v - topK];
            for (int i = 0; i < v; i++) {
                if (scaled[i] < threshold) {
                    scaled[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < v; i++) {
            scaled[i] = Math.exp(scaled[i] - max);
            total += scaled[i];
        }
        double u = random.nextDouble() * total;
        int last = Vocabulary.EOS;
        for (int i = 0; i < v; i++) {
            if (scaled[i] > 0) {
                last = i;
                u -= scaled[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}
