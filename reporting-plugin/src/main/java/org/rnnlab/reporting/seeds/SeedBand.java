package org.rnnlab.reporting.seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * A curve over the seeds of one setting: at each epoch the mean of the runs' values and the band from
 * the lowest to the highest run (with three seeds a standard deviation is a poor estimate; the band shows
 * the runs themselves). An epoch counts the runs that reached it, so after a run stopped early the
 * mean is over fewer runs ({@link Point#runs}).
 */
public record SeedBand(List<Point> points) {
    public SeedBand {
        points = List.copyOf(points);
    }

    /** One epoch: the mean over {@code runs} runs and the lowest and highest of them. */
    public record Point(int epoch, double mean, double low, double high, int runs) {}

    /** The band of {@code runs} on the value {@code value} gives for an epoch (empty: the epoch has none). */
    public static SeedBand of(List<VariantRecord> runs, Function<EpochRecord, Optional<Double>> value) {
        Map<Integer, List<Double>> byEpoch = new TreeMap<>();
        for (VariantRecord v : runs) {
            for (EpochRecord e : v.epochs()) {
                value.apply(e).filter(Double::isFinite).ifPresent(y -> byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(y));
            }
        }
        List<Point> points = new ArrayList<>();
        byEpoch.forEach((epoch, ys) -> {
            double sum = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double y : ys) {
                sum += y;
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
            points.add(new Point(epoch, sum / ys.size(), low, high, ys.size()));
        });
        return new SeedBand(points);
    }

    /** The points as {@code [epoch, mean, low, high]}, the form a chart's series holds. */
    public List<double[]> asSeries() {
        return points.stream().map(p -> new double[] {p.epoch(), p.mean(), p.low(), p.high()}).toList();
    }
}
