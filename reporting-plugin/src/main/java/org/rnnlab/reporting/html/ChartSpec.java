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

    /** A line: its label, the variant it belongs to (empty for series of one run, such as parameters), its points per frame. */
    public record Series(String label, String variant, List<List<double[]>> frames) {
        public Series {
            frames = List.copyOf(frames);
        }

        boolean hasPoints() {
            return frames.stream().anyMatch(f -> f.stream().anyMatch(p -> Double.isFinite(p[1])));
        }
    }

    /** Whether any series has a finite point: a chart without one is not drawn at all. */
    public boolean hasData() {
        return series.stream().anyMatch(Series::hasPoints);
    }

    /** Whether every value is positive, so that the chart may switch to a log axis. */
    public boolean allPositive() {
        return series.stream().allMatch(s -> s.frames().stream().allMatch(f -> f.stream().allMatch(p -> !(p[1] <= 0))));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
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
            j.put("frames", s.frames().stream().map(f -> f.stream().map(p -> List.of(p[0], y(p[1]))).toList()).toList());
            return j;
        }).toList());
        return m;
    }

    private Object y(double y) {
        // a log axis cannot show zero or negative values; they become gaps rather than script errors
        return logY && y <= 0 ? Double.NaN : y;
    }
}
