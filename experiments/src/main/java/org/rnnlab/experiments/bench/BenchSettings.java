package org.rnnlab.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.ConfigException;

/**
 * The sizes of one {@link CharModelBenchmark} run, named as in the peer {@code torch_rnn_bench.py}.
 *
 * @param cell    the cell's id ({@code lstm}, or a plugin's cell such as {@code mgu})
 * @param hidden  hidden size H
 * @param batch   sequences per batch B
 * @param seq     steps per sequence T (back-propagation runs through all of them)
 * @param vocab   vocabulary size V (embedding rows and head outputs)
 * @param embed   embedding size E
 * @param steps   timed training steps
 * @param warmup  training steps before timing, at least (workspace growth, caches)
 * @param warmupSeconds the longest the warm-up goes on after {@code warmup} steps, waiting for the JIT
 *                compiler to finish compiling the kernels, so that the timed steps see the steady state
 *                of a long training run; 0 warms up by steps only, exactly as the peer does
 * @param threads threads the kernels use (the training thread and {@code threads - 1} workers)
 * @param fused   whether cells run their fused sequence kernels (false: the composed per-step graph)
 * @param seed    seed of the weights and of the random inputs and targets
 * @param bidirectional whether the cell layer is bidirectional (the peer's {@code bidirectional=True}; the head
 *                reads {@code 2H})
 */
public record BenchSettings(String cell, int hidden, int batch, int seq, int vocab, int embed, int steps, int warmup,
                            double warmupSeconds, int threads, boolean fused, long seed, boolean bidirectional) {

    /** A unidirectional benchmark. */
    public BenchSettings(String cell, int hidden, int batch, int seq, int vocab, int embed, int steps, int warmup,
                         double warmupSeconds, int threads, boolean fused, long seed) {
        this(cell, hidden, batch, seq, vocab, embed, steps, warmup, warmupSeconds, threads, fused, seed, false);
    }

    /** Enough for C2 to compile the kernels even on a busy two-core machine. */
    public static final double DEFAULT_WARMUP_SECONDS = 60;

    /** The peer's defaults ({@code B=32 T=64 V=65 E=64 STEPS=30}, 5 warm-up steps, one thread) for a cell and H. */
    public static BenchSettings of(String cell, int hidden) {
        return new BenchSettings(cell, hidden, 32, 64, 65, 64, 30, 5, DEFAULT_WARMUP_SECONDS, 1, true, 0);
    }

    /** Every problem with these settings at once (empty when they are valid). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        positive(out, "--hidden", hidden);
        positive(out, "--batch", batch);
        positive(out, "--seq", seq);
        positive(out, "--vocab", vocab);
        positive(out, "--embed", embed);
        positive(out, "--steps", steps);
        if (warmup < 0) {
            out.add("--warmup must be 0 or more but was " + warmup);
        }
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            out.add("--warmup-time must be 0 or more seconds but was " + warmupSeconds);
        }
        positive(out, "--threads", threads);
        return out;
    }

    /** Throws a {@link ConfigException} listing every problem, if there is any. */
    public BenchSettings validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new ConfigException(p);
        }
        return this;
    }

    /** Tokens per training step: every one of the {@code B*T} positions has a target. */
    public long tokensPerStep() {
        return (long) batch * seq;
    }

    private static void positive(List<String> out, String name, int value) {
        if (value < 1) {
            out.add(name + " must be at least 1 but was " + value);
        }
    }
}
