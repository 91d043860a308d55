package org.rnnlab.reporting.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart of a page, drawn by the page's script from this description. A chart has one or more
 * frames (epochs a slider steps through; most charts have one); each series holds one list of
 * {@code [x, y]} points per frame. A series tied to a variant follows that variant's colour and toggle.
 * {@code yMin} and {@code yMax} fix the y axis (NaN: fit the data), so that charts meant to be compared share a scale.
 */
public record ChartSpec(String id, String section, String title, String note, String xLabel, String yLabel,
                        boolean logY, List<String> frameLabels, List<Series> series, double yMin, double yMax) {
    public ChartSpec {
        frameLabels = List.copyOf(frameLabels);
        // a series without a point would only crowd the legend
        series = series.stream().filter(Series::hasPoints).toList();
    }

    /** A chart whose y axis fits its data. */
    public ChartSpec(String id, String section, String title, String note, String xLabel, String yLabel,
                     boolean logY, List<String> frameLabels, List<Series> series) {
        this(id, section, title, note, xLabel, yLabel, logY, frameLabels, series, Double.NaN, Double.NaN);
    }

    /**
     * A line: its label, the variant it belongs to (empty for series of one run, such as parameters, and for
     * a mean over seeds), its points per frame. {@code kind}: one run's line; a {@link Kind#MEAN} over seeds whose
     * points are {@code [x, mean, low, high]} and draw a band; or {@link Kind#BEST} markers at best epochs.
     * {@code training} draws a training curve fainter than the validation curve beside it; {@code members}
     * names the runs a mean is over (the mean hides when every one of them is hidden).
     */
    public record Series(String label, String variant, List<List<double[]>> frames, Kind kind, boolean training,
                         List<String> members) {
        public Series {
            frames = List.copyOf(frames);
            members = List.copyOf(members);
        }

        /** One run's line. */
        public Series(String label, String variant, List<List<double[]>> frames) {
            this(label, variant, frames, Kind.RUN, false, List.of());
        }

        boolean hasPoints() {
            return frames.stream().anyMatch(f -> f.stream().anyMatch(p -> Double.isFinite(p[1])));
        }
    }

    /** What a series draws. */
    public enum Kind { RUN, MEAN, BEST }

    /** Whether any series has a finite point: a chart without one is not drawn at all. */
    public boolean hasData() {
        return series.stream().anyMatch(Series::hasPoints);
    }

    /** Whether a value is exactly 0: on a log axis the page shows it at the floor as "0 (underflow)". */
    public boolean hasZeros() {
        return series.stream().anyMatch(s -> s.frames().stream().anyMatch(f -> f.stream().anyMatch(p -> p[1] == 0)));
    }

    /** Whether every value is positive, so that the chart may switch to a log axis. */
    public boolean allPositive() {
        return series.stream().allMatch(s -> s.frames().stream().allMatch(f -> f.stream().allMatch(p -> {
            for (int i = 1; i < p.length; i++) {
                if (p[i] <= 0) {
                    return false;
                }
            }
            return true;
        })));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("section", section);
        m.put("title", title);
        m.put("xLabel", xLabel);
        m.put("yLabel", yLabel);
        m.put("logY", logY);
        m.put("yMin", yMin);
        m.put("yMax", yMax);
        m.put("frameLabels", frameLabels);
        m.put("series", series.stream().map(s -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("label", s.label());
            j.put("variant", s.variant());
            j.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            j.put("training", s.training());
            j.put("members", s.members());
            j.put("frames", s.frames().stream().map(f -> f.stream().map(ChartSpec::point).toList()).toList());
            return j;
        }).toList());
        return m;
    }

    /**
     * {@code [x, y]} or {@code [x, mean, low, high]}. Negative values stay, and the page leaves them out of a
     * log axis; zeros stay too, and the page shows them on a log axis at its floor, marked
     * "0 (underflow)": a gradient that vanished to exactly 0 in float32 is a finding, not a gap.
     */
    private static List<Double> point(double[] p) {
        List<Double> out = new java.util.ArrayList<>(p.length);
        for (double v : p) {
            out.add(v);
        }
        return out;
    }
}
