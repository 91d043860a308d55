package org.rnnlab.model.embedding;

import java.util.SplittableRandom;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.RowKernels;

/**
 * word2vec's training as the reference C implementation does it: stochastic gradient descent one example at a
 * time (a (center, context) pair for skip-gram, a center and the words around it for CBOW), each with its own
 * negative words, the rows a step touches updated at once. A sentence is read position by position; at each,
 * the window is shrunk by a random {@code 0..window-1} (nearer words count more), and frequent words were
 * first thinned by {@link FrequentWordSubsampling}.
 *
 * <p>One step is the gradient step of {@link SkipGramLoss} (or {@link CbowLoss}) on a batch of that one example:
 * a context or negative row moves along the center row as it was before the step, the center row by the sum of
 * what its targets passed back. Negatives equal to the word predicted are skipped, as in the C tool. Loss and
 * step counts are kept for the epoch's report. Not thread-safe; no allocation per step (buffers grow with the
 * longest sentence); the same tables, seed and sentences give the same bits.
 */
public final class Word2VecSgd {
    /** Which of word2vec's two models. */
    public enum Architecture { SKIP_GRAM, CBOW }

    private final Architecture architecture;
    private final Tensor input;
    private final Tensor output;
    private final int e;
    private final int window;
    private final int k;
    private final NegativeSampler sampler;
    private final FrequentWordSubsampling subsampling;
    private final SplittableRandom random;
    private final RowKernels rows = RowKernels.get();
    private final Kernels kernels = Kernels.get();
    private final float[] acc;
    private final float[] hidden;
    private final int[] negatives;
    private int[] kept = new int[64];
    private double lossSum;
    private long steps;

    /**
     * @param input   the input (center) table {@code [V, E]}, dense from offset 0
     * @param output  the output (context) table, same shape
     * @param random  the generator of window shrinks, sub-sampling and negatives
     */
    public Word2VecSgd(Architecture architecture, Tensor input, Tensor output, int window, int negatives,
                       NegativeSampler sampler, FrequentWordSubsampling subsampling, SplittableRandom random) {
        if (input.offset() != 0 || output.offset() != 0 || !input.sameShape(output) || input.rank() != 2) {
            throw new IllegalArgumentException("word2vec needs two dense [V, E] tables of one shape");
        }
        if (window < 1 || negatives < 0) {
            throw new IllegalArgumentException("window " + window + " (at least 1), negatives " + negatives
                    + " (at least 0)");
        }
        this.architecture = architecture;
        this.input = input;
        this.output = output;
        this.e = input.dim(1);
        this.window = window;
        this.k = negatives;
        this.sampler = sampler;
        this.subsampling = subsampling;
        this.random = random;
        this.acc = new float[e];
        this.hidden = new float[e];
        this.negatives = new int[negatives];
    }

    /**
     * Trains on one sentence of word ids (words outside the vocabulary already removed) at rate {@code lr};
     * frequent words are first dropped by the sub-sampling.
     */
    public void sentence(int[] words, float lr) {
        int n = 0;
        if (kept.length < words.length) {
            kept = new int[Math.max(words.length, kept.length * 2)];
        }
        for (int w : words) {
            if (subsampling.keep(w, random)) {
                kept[n++] = w;
            }
        }
        for (int pos = 0; pos < n; pos++) {
            int reach = window - random.nextInt(window);
            int from = Math.max(0, pos - reach);
            int to = Math.min(n - 1, pos + reach);
            if (architecture == Architecture.SKIP_GRAM) {
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        drawNegatives();
                        skipGramStep(kept[pos], kept[c], negatives, lr);
                    }
                }
            } else if (to > from) {
                drawNegatives();
                cbowStep(kept, from, to + 1, pos, negatives, lr);
            }
        }
    }

    private void drawNegatives() {
        for (int j = 0; j < k; j++) {
            negatives[j] = sampler.draw(random);
        }
    }

    /**
     * One skip-gram step: {@code center}'s input row predicts {@code context}'s output row against the given
     * negatives (those equal to {@code context} are skipped).
     */
    public void skipGramStep(int center, int context, int[] negativeWords, float lr) {
        float[] in = input.data();
        java.util.Arrays.fill(acc, 0f);
        int v = center * e;
        lossSum += target(in, v, context, true, lr);
        for (int j = 0; j < negativeWords.length; j++) {
            if (negativeWords[j] != context) {
                lossSum += target(in, v, negativeWords[j], false, lr);
            }
        }
        kernels.axpy(e, 1f, acc, 0, in, v);
        steps++;
    }

    /**
     * One CBOW step: the mean of the input rows of {@code words[from..to)} but {@code words[center]} predicts
     * {@code words[center]}'s output row against the negatives; each context row then moves by the error over
     * the number of context words.
     */
    public void cbowStep(int[] words, int from, int to, int center, int[] negativeWords, float lr) {
        float[] in = input.data();
        java.util.Arrays.fill(hidden, 0f);
        int count = 0;
        for (int c = from; c < to; c++) {
            if (c != center) {
                kernels.axpy(e, 1f, in, words[c] * e, hidden, 0);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        kernels.scale(e, 1f / count, hidden, 0);
        java.util.Arrays.fill(acc, 0f);
        int word = words[center];
        lossSum += target(hidden, 0, word, true, lr);
        for (int j = 0; j < negativeWords.length; j++) {
            if (negativeWords[j] != word) {
                lossSum += target(hidden, 0, negativeWords[j], false, lr);
            }
        }
        float share = 1f / count;
        for (int c = from; c < to; c++) {
            if (c != center) {
                kernels.axpy(e, share, acc, 0, in, words[c] * e);
            }
        }
        steps++;
    }

    /**
     * The summed loss of a held-out sentence and its number of examples, moving nothing: every word kept, the
     * whole window, negatives from {@code negativesRandom} (a generator of the caller's, so that evaluation never
     * shifts training's random numbers).
     */
    public double[] heldOutLoss(int[] words, SplittableRandom negativesRandom) {
        double loss = 0;
        long examples = 0;
        float[] in = input.data();
        int n = words.length;
        for (int pos = 0; pos < n; pos++) {
            int from = Math.max(0, pos - window);
            int to = Math.min(n - 1, pos + window);
            if (architecture == Architecture.SKIP_GRAM) {
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        loss += heldOutTerms(in, words[pos] * e, words[c], negativesRandom);
                        examples++;
                    }
                }
            } else if (to > from) {
                java.util.Arrays.fill(hidden, 0f);
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        kernels.axpy(e, 1f, in, words[c] * e, hidden, 0);
                    }
                }
                kernels.scale(e, 1f / (to - from), hidden, 0);
                loss += heldOutTerms(hidden, 0, words[pos], negativesRandom);
                examples++;
            }
        }
        return new double[] {loss, examples};
    }

    private double heldOutTerms(float[] h, int hOff, int target, SplittableRandom negativesRandom) {
        double loss = softplus(-rows.dot(e, h, hOff, output.data(), target * e));
        for (int j = 0; j < k; j++) {
            int word = sampler.draw(negativesRandom);
            if (word != target) {
                loss += softplus(rows.dot(e, h, hOff, output.data(), word * e));
            }
        }
        return loss;
    }

    /** {@code log(1 + e^x)}, which is {@code -log sigmoid(-x)}, without overflow. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** One logistic term: moves {@code word}'s output row, adds to {@link #acc}; its loss. */
    private double target(float[] h, int hOff, int word, boolean positive, float lr) {
        float[] out = output.data();
        int u = word * e;
        double dot = rows.dot(e, h, hOff, out, u);
        double a = Math.exp(-Math.abs(dot));
        double sigmoid = dot >= 0 ? 1 / (1 + a) : a / (1 + a);
        double x = positive ? dot : -dot;
        float g = (float) (((positive ? 1 : 0) - sigmoid) * lr);
        rows.exchange(e, g, h, hOff, out, u, acc, 0);
        return Math.max(-x, 0) + Math.log1p(a);
    }

    /** The summed loss of the steps since the last {@link #resetTotals}. */
    public double lossSum() {
        return lossSum;
    }

    /** Steps (pairs for skip-gram, centers for CBOW) since the last {@link #resetTotals}. */
    public long steps() {
        return steps;
    }

    public void resetTotals() {
        lossSum = 0;
        steps = 0;
    }
}
