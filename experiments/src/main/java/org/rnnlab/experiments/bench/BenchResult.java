package org.rnnlab.experiments.bench;

/**
 * What one {@link CharModelBenchmark} run measured.
 *
 * @param settings      the run's sizes
 * @param seconds       wall-clock time of the timed steps
 * @param flopsPerToken the peer's estimate of floating-point operations per token
 * @param losses        the mean loss of every step, warm-up first
 * @param kernels       the engine's kernels ({@code vector} or {@code scalar})
 * @param vectorBits    their vector width
 */
public record BenchResult(BenchSettings settings, double seconds, long flopsPerToken, double[] losses, String kernels,
                          int vectorBits) {

    /** Tokens trained per second over the timed steps (B*T per step, as the peer counts). */
    public double tokensPerSecond() {
        return settings.steps() * (double) settings.tokensPerStep() / seconds;
    }

    /** Achieved GFLOP/s by the peer's formula. */
    public double gigaflops() {
        return tokensPerSecond() * flopsPerToken / 1e9;
    }
}
