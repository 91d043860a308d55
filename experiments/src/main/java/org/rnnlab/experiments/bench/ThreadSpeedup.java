package org.rnnlab.experiments.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.engine.kernel.PoolCounters;

/**
 * rnnlab's own speed-up from kernel threads. After the run on N threads, the same model alternates between one
 * thread and N for {@link #ROUNDS} rounds of a few steps each, in one {@code lab bench}; the speed-up is the
 * median of the rounds' ratios, by wall clock and by the training thread's CPU time (which moves less when
 * other programs share the cores: that thread runs every step and spins while it waits for its workers).
 * On a shared host the speed of a core drifts within seconds (on 2 Dec 2026 two runs of a one-thread run
 * followed by a two-thread run, back to back, gave 1.27x and 1.86x): rounds next to each other see the same
 * drift, the order within a round flips from round to round, and the median drops a round that one side
 * of it did not share. The pool's counters are those of the N-thread run.
 */
final class ThreadSpeedup {
    /** Rounds of one thread against N: odd, so that the median is one of them. */
    static final int ROUNDS = 5;

    /** One round: the same number of steps on one thread and on N. */
    record Round(StepTimer.Span one, StepTimer.Span n) {
        double byWallClock() {
            return one.seconds() / n.seconds();
        }

        double byThreadCpu() {
            return one.threadCpuSeconds() / n.threadCpuSeconds();
        }
    }

    /** The rounds, and the steps in each. */
    record Rounds(List<Round> rounds, int steps) {
        /** Median wall-clock speed-up over the rounds. */
        double byWallClock() {
            return median(rounds.stream().mapToDouble(Round::byWallClock).toArray());
        }

        /** Median speed-up by the training thread's CPU time (NaN if unknown). */
        double byThreadCpu() {
            return median(rounds.stream().mapToDouble(Round::byThreadCpu).toArray());
        }

        /** One thread's tokens per second in its median round. */
        double oneThreadTokensPerSecond(BenchSettings s) {
            double seconds = median(rounds.stream().mapToDouble(r -> r.one().seconds()).toArray());
            return (double) s.batch() * s.seq() * steps / seconds;
        }
    }

    private ThreadSpeedup() {}

    /**
     * Alternates {@code threads} and one thread on {@code bench} (which has run, so it is warm) for
     * {@link #ROUNDS} rounds of a third of its timed steps (at least two), after one untimed step on each.
     */
    static Rounds alternate(CharModelBenchmark bench, BenchSettings settings) {
        int threads = settings.threads();
        int steps = Math.max(2, settings.steps() / 3);
        bench.time(1, 1);
        bench.time(threads, 1);
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            StepTimer.Span one;
            StepTimer.Span n;
            if (r % 2 == 0) {
                one = bench.time(1, steps);
                n = bench.time(threads, steps);
            } else {
                n = bench.time(threads, steps);
                one = bench.time(1, steps);
            }
            rounds.add(new Round(one, n));
        }
        return new Rounds(List.copyOf(rounds), steps);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    /** The share of the N-thread run's wall-clock time spent in split passes (hand-off to last part done). */
    static double splitShare(BenchResult n) {
        return n.pool().jobNanos() / 1e9 / n.seconds();
    }

    /**
     * What the split passes allow on N free cores (Amdahl): the rest of the step on one thread, the split
     * passes N times shorter if the parts ran on every core at once. An upper bound from a busy machine, where
     * the measured speed-up says more about the load.
     */
    static double amdahlBound(BenchResult n) {
        double f = Math.min(1, splitShare(n));
        return 1 / ((1 - f) + f / n.pool().threads());
    }

    static String summary(BenchResult n, Rounds r) {
        PoolCounters p = n.pool();
        double handOffsPerStep = p.handOffs() / (double) n.settings().steps() / n.settings().seq();
        long parts = p.partsOnCaller() + p.partsOnWorkers();
        String each = r.rounds().stream().map(x -> String.format(Locale.ROOT, "%.2f", x.byWallClock()))
                .collect(java.util.stream.Collectors.joining(" "));
        return String.format(Locale.ROOT,
                "rnnlab %d threads / 1 thread: %.2fx by wall clock, %.2fx by the training thread's CPU time, the median of "
                        + "%d rounds of %d steps alternating (%s; 1 thread: %,.0f tokens/s); pool: %.1f hand-offs per time step, "
                        + "%.0f%% of parts on workers, "
                        + "training thread waited %.1f ms per step, %d worker parks; %.0f%% of the time in split passes "
                        + "(at most %.2fx on %d free cores)",
                p.threads(), r.byWallClock(), r.byThreadCpu(), r.rounds().size(), r.steps(), each,
                r.oneThreadTokensPerSecond(n.settings()), handOffsPerStep,
                parts == 0 ? 0.0 : 100.0 * p.partsOnWorkers() / parts, p.callerWaitNanos() / 1e6 / n.settings().steps(),
                p.workerParks(), 100 * splitShare(n), amdahlBound(n), p.threads());
    }

    static Map<String, Object> asJson(BenchResult n, Rounds r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one_thread_tokens_per_second", r.oneThreadTokensPerSecond(n.settings()));
        m.put("speedup_over_one_thread", r.byWallClock());
        double cpu = r.byThreadCpu();
        m.put("speedup_by_thread_cpu", Double.isNaN(cpu) ? null : cpu);
        m.put("speedup_rounds", r.rounds().stream().map(Round::byWallClock).toList());
        m.put("steps_per_round", r.steps());
        PoolCounters p = n.pool();
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("threads", p.threads());
        pool.put("hand_offs", p.handOffs());
        pool.put("parts_on_caller", p.partsOnCaller());
        pool.put("parts_on_workers", p.partsOnWorkers());
        pool.put("caller_waits", p.callerWaits());
        pool.put("caller_wait_seconds", p.callerWaitNanos() / 1e9);
        pool.put("caller_parks", p.callerParks());
        pool.put("worker_parks", p.workerParks());
        pool.put("seconds_in_split_passes", p.jobNanos() / 1e9);
        m.put("split_share", splitShare(n));
        m.put("amdahl_bound", amdahlBound(n));
        m.put("pool", pool);
        return m;
    }
}
