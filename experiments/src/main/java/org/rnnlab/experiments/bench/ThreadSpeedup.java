package org.rnnlab.experiments.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.engine.kernel.PoolCounters;

/**
 * rnnlab's own speed-up from kernel threads: a run on N threads against the same run on one thread, both in
 * one {@code lab bench}, by wall clock and by the training thread's CPU time (which moves less when other
 * programs share the cores: that thread runs every step and spins while it waits for its workers), with
 * what the pool did per time step of the sequence.
 */
final class ThreadSpeedup {
    private ThreadSpeedup() {}

    /** Wall-clock speed-up: N threads' tokens per second over one thread's. */
    static double byWallClock(BenchResult n, BenchResult one) {
        return n.tokensPerSecond() / one.tokensPerSecond();
    }

    /** Speed-up by the training thread's CPU time per timed step (NaN if unknown). */
    static double byThreadCpu(BenchResult n, BenchResult one) {
        return (one.threadCpuSeconds() / one.settings().steps()) / (n.threadCpuSeconds() / n.settings().steps());
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

    static String summary(BenchResult n, BenchResult one) {
        PoolCounters p = n.pool();
        double handOffsPerStep = p.handOffs() / (double) n.settings().steps() / n.settings().seq();
        long parts = p.partsOnCaller() + p.partsOnWorkers();
        return String.format(Locale.ROOT,
                "rnnlab %d threads / 1 thread: %.2fx by wall clock, %.2fx by the training thread's CPU time "
                        + "(1 thread: %,.0f tokens/s); pool: %.1f hand-offs per time step, %.0f%% of parts on workers, "
                        + "training thread waited %.1f ms per step, %d worker parks; %.0f%% of the time in split passes "
                        + "(at most %.2fx on %d free cores)",
                p.threads(), byWallClock(n, one), byThreadCpu(n, one), one.tokensPerSecond(), handOffsPerStep,
                parts == 0 ? 0.0 : 100.0 * p.partsOnWorkers() / parts, p.callerWaitNanos() / 1e6 / n.settings().steps(),
                p.workerParks(), 100 * splitShare(n), amdahlBound(n), p.threads());
    }

    static Map<String, Object> asJson(BenchResult n, BenchResult one) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one_thread_tokens_per_second", one.tokensPerSecond());
        m.put("one_thread_tokens_per_cpu_second", Double.isNaN(one.tokensPerCpuSecond()) ? null : one.tokensPerCpuSecond());
        m.put("speedup_over_one_thread", byWallClock(n, one));
        double cpu = byThreadCpu(n, one);
        m.put("speedup_by_thread_cpu", Double.isNaN(cpu) ? null : cpu);
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
