package org.rnnlab.experiments.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.PoolCounters;

/**
 * Times a training step as every {@code lab bench} workload does: {@code warmup} untimed steps and, with
 * {@code warmupSeconds > 0}, more until the JIT compiler has been idle for {@link #QUIET_STEPS} steps and
 * {@link #QUIET_NANOS} (the kernels are compiled: the timed steps see the steady state of a long training
 * run) or until {@code warmupSeconds} have passed; then {@code steps} timed steps, by wall clock, process
 * CPU time and the bytes the calling thread allocated.
 */
final class StepTimer {
    /** Steps without any JIT compilation that end the warm-up (with {@link #QUIET_NANOS}). */
    static final int QUIET_STEPS = 3;
    /** Time without any JIT compilation that ends the warm-up: C2 compiles large methods for a while. */
    static final long QUIET_NANOS = 2_000_000_000L;

    private StepTimer() {}

    /**
     * What the timed steps measured.
     *
     * @param warmupSteps           untimed steps run first
     * @param seconds               wall-clock time of the timed steps
     * @param cpuSeconds            CPU time of the process over them (negative if unknown)
     * @param losses                every step's loss, warm-up steps first
     * @param allocatedBytesPerStep bytes the calling thread allocated per timed step (NaN if unknown)
     */
    record Timed(int warmupSteps, double seconds, double cpuSeconds, double[] losses, double allocatedBytesPerStep,
                 double threadCpuSeconds, PoolCounters pool) {}

    /** Warm-up, then {@code steps} timed calls of {@code step}, which returns the step's loss. */
    static Timed run(DoubleSupplier step, int warmup, double warmupSeconds, int steps) {
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            warm.add(step.getAsDouble());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (warmupSeconds > 0 && jit != null && jit.isCompilationTimeMonitoringSupported()) {
            long start = System.nanoTime();
            long limit = (long) (warmupSeconds * 1e9);
            long compiled = jit.getTotalCompilationTime();
            long quietSince = System.nanoTime();
            int quietSteps = 0;
            while (System.nanoTime() - start < limit
                    && (quietSteps < QUIET_STEPS || System.nanoTime() - quietSince < QUIET_NANOS)) {
                warm.add(step.getAsDouble());
                long now = jit.getTotalCompilationTime();
                if (now != compiled) {
                    compiled = now;
                    quietSteps = 0;
                    quietSince = System.nanoTime();
                } else {
                    quietSteps++;
                }
            }
        }
        double[] losses = new double[warm.size() + steps];
        for (int i = 0; i < warm.size(); i++) {
            losses[i] = warm.get(i);
        }
        long allocStart = threadAllocatedBytes();
        long cpuStart = processCpuNanos();
        long threadCpuStart = threadCpuNanos();
        PoolCounters poolStart = KernelThreads.counters();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            losses[warm.size() + i] = step.getAsDouble();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double threadCpuSeconds = threadCpuStart < 0 ? Double.NaN : (threadCpuNanos() - threadCpuStart) / 1e9;
        PoolCounters pool = KernelThreads.counters().since(poolStart);
        long allocEnd = threadAllocatedBytes();
        double bytesPerStep = allocStart < 0 || allocEnd < 0 ? Double.NaN : (allocEnd - allocStart) / (double) steps;
        return new Timed(warm.size(), seconds, cpuSeconds, losses, bytesPerStep, threadCpuSeconds, pool);
    }

    /** Wall-clock and calling-thread CPU seconds of some steps, with no warm-up. */
    record Span(double seconds, double threadCpuSeconds) {}

    /** Times {@code steps} calls of {@code step}, with no warm-up (the caller has warmed it up). */
    static Span span(DoubleSupplier step, int steps) {
        long threadCpuStart = threadCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.getAsDouble();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Span(seconds, threadCpuStart < 0 ? Double.NaN : (threadCpuNanos() - threadCpuStart) / 1e9);
    }

    /**
     * CPU time of the calling thread, which runs every step and waits (spinning first) for its kernel
     * threads: on a busy machine it tracks what the steps would take on idle cores better than wall-clock time.
     */
    private static long threadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /**
     * CPU time of the whole process (GC and compiler threads included, as Python's {@code process_time}
     * counts every thread), or -1 where the JVM cannot tell.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Bytes allocated so far by the calling thread (which runs every kernel), or -1 where the JVM cannot tell. */
    private static long threadAllocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
