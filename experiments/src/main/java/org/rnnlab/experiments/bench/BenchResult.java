package org.rnnlab.experiments.bench;

import org.rnnlab.engine.kernel.PoolCounters;

/**
 * What one {@link CharModelBenchmark} run measured.
 *
 * @param settings      the run's sizes
 * @param warmupSteps   untimed steps run first
 * @param seconds       wall-clock time of the timed steps
 * @param cpuSeconds    CPU time of the process over the timed steps (negative if unknown): on a shared
 *                      machine it moves less with the load than wall-clock time does
 * @param flopsPerToken the peer's estimate of floating-point operations per token
 * @param losses        the mean loss of every step, warm-up steps first
 * @param kernels       the engine's kernels ({@code vector} or {@code scalar})
 * @param vectorBits    their vector width
 * @param tile          the register tile of their GEMMs ({@code none} for the scalar kernels)
 * @param allocatedBytesPerStep bytes the training thread allocated per timed step (NaN if unknown)
 * @param threadCpuSeconds CPU time of the training thread over the timed steps (NaN if unknown)
 * @param pool          what the kernel threads did over the timed steps ({@link PoolCounters#NONE} on one thread)
 */
public record BenchResult(BenchSettings settings, int warmupSteps, double seconds, double cpuSeconds, long flopsPerToken,
                          double[] losses, String kernels,
                          int vectorBits, String tile, double allocatedBytesPerStep, double threadCpuSeconds,
                          PoolCounters pool) {

    /** Tokens trained per second over the timed steps (B*T per step, as the peer counts). */
    public double tokensPerSecond() {
        return settings.steps() * (double) settings.tokensPerStep() / seconds;
    }

    /** Tokens trained per second of process CPU time; NaN if the CPU time is unknown. */
    public double tokensPerCpuSecond() {
        return cpuSeconds > 0 ? settings.steps() * (double) settings.tokensPerStep() / cpuSeconds : Double.NaN;
    }

    /** Achieved GFLOP/s by the peer's formula. */
    public double gigaflops() {
        return tokensPerSecond() * flopsPerToken / 1e9;
    }
}
