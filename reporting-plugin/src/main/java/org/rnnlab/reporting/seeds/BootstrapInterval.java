package org.rnnlab.reporting.seeds;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap interval for the difference of two groups' means, {@code mean(a) - mean(b)}:
 * each replicate draws {@code a.length} values from {@code a} and {@code b.length} from {@code b} with
 * replacement, independently, and takes the difference of the two means; the interval is the
 * replicates' 2.5th and 97.5th percentiles (linear interpolation between order statistics, as numpy's
 * default). The draws come from a {@link SplittableRandom} with a fixed seed: the same values give the same
 * interval, bit for bit, in every report.
 *
 * <p>With fewer than two values in either group there is no interval (a single seed says nothing about
 * how seeds vary); with values that do not vary the interval is the difference itself.
 */
public record BootstrapInterval(double difference, double low, double high, int resamples) {
    /** Replicates per interval: the 2.5% quantile then moves by about 0.2% of the interval's width from seed to seed. */
    public static final int RESAMPLES = 10_000;
    /** The seed of the draws. */
    public static final long SEED = 20261202L;
    static final double LEVEL = 0.95;

    /** Whether the interval holds 0: the seeds do not tell the groups apart. */
    public boolean holdsZero() {
        return low <= 0 && high >= 0;
    }

    /** The 95% interval of {@code mean(a) - mean(b)} with {@link #RESAMPLES} replicates, or empty when a group has one value. */
    public static Optional<BootstrapInterval> differenceOfMeans(double[] a, double[] b) {
        return differenceOfMeans(a, b, RESAMPLES, SEED);
    }

    public static Optional<BootstrapInterval> differenceOfMeans(double[] a, double[] b, int resamples, long seed) {
        if (a.length < 2 || b.length < 2) {
            return Optional.empty();
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 resamples but was given " + resamples);
        }
        for (double x : a) {
            requireFinite(x);
        }
        for (double x : b) {
            requireFinite(x);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = resampledMean(a, random) - resampledMean(b, random);
        }
        Arrays.sort(replicates);
        double tail = (1 - LEVEL) / 2;
        return Optional.of(new BootstrapInterval(mean(a) - mean(b), quantile(replicates, tail),
                quantile(replicates, 1 - tail), resamples));
    }

    private static void requireFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("a bootstrap over seeds needs finite values but was given " + x);
        }
    }

    private static double resampledMean(double[] xs, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += xs[random.nextInt(xs.length)];
        }
        return sum / xs.length;
    }

    /** The mean of {@code xs}, summed in order (the same sum the replicates take). */
    public static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** The {@code p} quantile of sorted values, interpolating linearly between order statistics (Hyndman and Fan's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
