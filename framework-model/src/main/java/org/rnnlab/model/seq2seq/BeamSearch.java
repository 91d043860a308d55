package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.engine.Tensor;

/**
 * Beam search, one source at a time: the {@code width} most probable partial outputs are kept; each
 * step extends every one by every token and keeps the {@code width} best extensions by
 * log-probability (ties: the earlier hypothesis, then the lower token id). An extension by
 * {@code <eos>} is finished and leaves the beam; the search stops when {@code width} outputs are
 * finished, none is left, or after {@code maxLength} tokens (the unfinished ones then count as cut).
 * The answer is the finished output with the best {@link Translation#score length-normalised score}
 * ({@code log p / emitted^alpha}; {@code alpha = 0} ranks by log-probability). With width 1 this is
 * exactly greedy decoding. Deterministic.
 *
 * @since 0.1
 */
public final class BeamSearch {
    private final EncoderDecoder model;
    private final int width;
    private final double alpha;
    private final int maxLength;

    public BeamSearch(EncoderDecoder model, int width, double alpha, int maxLength) {
        if (width < 1 || maxLength < 1 || !(alpha >= 0)) {
            throw new IllegalArgumentException("beam search needs width >= 1, maxLength >= 1 and alpha >= 0, got "
                    + width + ", " + maxLength + ", " + alpha);
        }
        this.model = model;
        this.width = width;
        this.alpha = alpha;
        this.maxLength = maxLength;
    }

    /** A partial output: its tokens, log-probability, attention rows. */
    private record Hypothesis(List<Integer> tokens, double logp, List<float[]> weights) {
        int last() {
            return tokens.isEmpty() ? Vocabulary.BOS : tokens.getLast();
        }

        Translation finish(boolean ended) {
            return new Translation(tokens.stream().mapToInt(Integer::intValue).toArray(), logp, ended,
                    weights.toArray(new float[0][]));
        }
    }

    private record Candidate(int parent, int token, double logp) {}

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::logp).reversed()
            .thenComparingInt(Candidate::parent).thenComparingInt(Candidate::token);

    /** The outputs for {@code sources} (ids without specials), in order. */
    public List<Translation> decode(List<int[]> sources) {
        List<Translation> out = new ArrayList<>(sources.size());
        for (int[] s : sources) {
            out.add(decode(s));
        }
        return out;
    }

    /** The best output for one source. */
    public Translation decode(int[] source) {
        EncoderDecoder.Encoding encoding = model.encode(List.of(source));
        int length = encoding.lengths()[0];
        List<Hypothesis> alive = List.of(new Hypothesis(List.of(), 0, List.of()));
        List<Tensor> states = encoding.initialStates();
        List<Translation> finished = new ArrayList<>();
        for (int t = 0; t < maxLength && !alive.isEmpty() && finished.size() < width; t++) {
            int n = alive.size();
            int[] previous = new int[n];
            for (int i = 0; i < n; i++) {
                previous[i] = alive.get(i).last();
            }
            EncoderDecoder.DecoderStep step = model.step(encoding, new int[n], previous, states);
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] lp = LogSoftmax.row(step.logits(), i);
                for (int c = 0; c < lp.length; c++) {
                    candidates.add(new Candidate(i, c, alive.get(i).logp() + lp[c]));
                }
            }
            candidates.sort(BEST_FIRST);
            List<Hypothesis> next = new ArrayList<>(width);
            List<Integer> parents = new ArrayList<>(width);
            for (Candidate c : candidates.subList(0, Math.min(width, candidates.size()))) {
                Hypothesis parent = alive.get(c.parent());
                List<float[]> weights = new ArrayList<>(parent.weights());
                if (step.weights() != null) {
                    weights.add(GreedyDecoder.column(step.weights(), c.parent(), length));
                }
                if (c.token() == Vocabulary.EOS) {
                    finished.add(new Hypothesis(parent.tokens(), c.logp(), weights).finish(true));
                } else {
                    List<Integer> tokens = new ArrayList<>(parent.tokens());
                    tokens.add(c.token());
                    next.add(new Hypothesis(tokens, c.logp(), weights));
                    parents.add(c.parent());
                }
            }
            alive = next;
            states = gather(step.states(), parents);
            if (alpha == 0 && !finished.isEmpty() && !alive.isEmpty()
                    && best(finished).logProbability() >= alive.getFirst().logp()) {
                break; // log-probabilities only fall: no unfinished output can overtake
            }
        }
        if (finished.size() < width) {
            for (Hypothesis h : alive) {
                finished.add(h.finish(false));
            }
        }
        return best(finished);
    }

    private Translation best(List<Translation> finished) {
        Translation best = finished.getFirst();
        for (Translation t : finished) {
            if (t.score(alpha) > best.score(alpha)) {
                best = t;
            }
        }
        return best;
    }

    /** Rows {@code parents} of each {@code [N, H]} state. */
    private static List<Tensor> gather(List<Tensor> states, List<Integer> parents) {
        List<Tensor> out = new ArrayList<>(states.size());
        for (Tensor s : states) {
            int h = s.dim(1);
            Tensor g = Tensor.zeros(Math.max(1, parents.size()), h);
            for (int i = 0; i < parents.size(); i++) {
                System.arraycopy(s.data(), s.offset() + parents.get(i) * h, g.data(), i * h, h);
            }
            out.add(g);
        }
        return out;
    }
}
