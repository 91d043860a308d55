package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.api.event.Metric;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.GradientRecord;
import org.rnnlab.reporting.model.VariantRecord;

/** The charts of a page, by section: learning curves, speed, gradient norms, gradient flow, parameters. */
public final class ChartPlan {
    public static final String CURVES = "curves";
    public static final String SPEED = "speed";
    public static final String GRADIENTS = "gradients";
    public static final String FLOW = "flow";
    public static final String PARAMETERS = "parameters";

    private ChartPlan() {}

    /** Every chart with something to draw; {@code runPage} adds the per-parameter norms of the one variant. */
    public static List<ChartSpec> of(ExperimentRecord experiment, boolean runPage) {
        List<ChartSpec> charts = new ArrayList<>();
        Set<String> metrics = new TreeSet<>();
        Set<String> timings = new TreeSet<>();
        for (VariantRecord v : experiment.variants()) {
            for (EpochRecord e : v.epochs()) {
                metrics.addAll(e.metrics().keySet());
                timings.addAll(e.timings().keySet());
            }
        }
        charts.addAll(LearningCurves.of(experiment, ordered(metrics), runPage));
        for (String timing : timings) {
            charts.add(epochChart("speed-" + charts.size(), SPEED, timing, experiment, false,
                    e -> Optional.ofNullable(e.timings().get(timing))));
        }
        charts.add(gradientNorms(experiment));
        charts.addAll(flowCharts(experiment));
        if (runPage && !experiment.variants().isEmpty()) {
            charts.add(parameterNorms(experiment.variants().getFirst()));
        }
        return charts.stream().filter(ChartSpec::hasData).toList();
    }

    /** Losses first, then the other metrics, each group sorted by name: the order a reader scans. */
    static List<String> ordered(Set<String> metrics) {
        List<String> out = new ArrayList<>(metrics.stream().filter(m -> m.endsWith("loss")).toList());
        metrics.stream().filter(m -> !m.endsWith("loss")).forEach(out::add);
        return out;
    }

    private static ChartSpec epochChart(String id, String section, String metric, ExperimentRecord experiment, boolean log,
                                        java.util.function.Function<EpochRecord, Optional<Double>> value) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (VariantRecord v : experiment.variants()) {
            List<double[]> points = new ArrayList<>();
            for (EpochRecord e : v.epochs()) {
                value.apply(e).ifPresent(y -> points.add(new double[] {e.epoch(), y}));
            }
            series.add(new ChartSpec.Series(v.name(), v.name(), List.of(points)));
        }
        Metric meaning = Metric.of(metric, experiment.metricNames());
        return new ChartSpec(id, section, metric, meaning.describe(), "epoch", axisLabel(metric, meaning),
                log || spansDecades(series), List.of(), series);
    }

    /**
     * Whether the values span more than two decades (a loss falling from 2 to 0.0002): on a linear axis
     * everything after the first epochs would be one flat line.
     */
    static boolean spansDecades(List<ChartSpec.Series> series) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (ChartSpec.Series s : series) {
            for (List<double[]> frame : s.frames()) {
                for (double[] p : frame) {
                    if (!Double.isFinite(p[1])) {
                        continue;
                    }
                    if (p[1] <= 0) {
                        return false;
                    }
                    low = Math.min(low, p[1]);
                    high = Math.max(high, p[1]);
                }
            }
        }
        return high > 0 && high / low > 100;
    }

    /** The unit alone ("nats", "0 to 1"): the chart's title already names the metric. */
    static String axisLabel(String metric, Metric meaning) {
        return meaning.unit().isEmpty() ? metric : meaning.unit();
    }

    private static ChartSpec gradientNorms(ExperimentRecord experiment) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (VariantRecord v : experiment.variants()) {
            List<double[]> points = new ArrayList<>();
            for (GradientRecord g : v.gradients()) {
                points.add(new double[] {g.epoch(), g.globalNorm()});
            }
            series.add(new ChartSpec.Series(v.name(), v.name(), List.of(points)));
        }
        return new ChartSpec("grad-norm", GRADIENTS, "global gradient norm",
                Metric.of("grad.norm.global").describe(), "epoch", "‖∇‖ (L2 norm)", spansDecades(series), List.of(), series);
    }

    /**
     * One chart per cell: norm of dLoss/dh_t against steps back, log scale, with a slider over epochs.
     * A variant without statistics at an epoch shows its latest earlier ones.
     */
    private static List<ChartSpec> flowCharts(ExperimentRecord experiment) {
        Map<String, List<VariantRecord>> byCell = new LinkedHashMap<>();
        for (VariantRecord v : experiment.variants()) {
            // a cell without recurrence (dense) has nothing flowing back through time: one step, or zeros behind it
            if (v.gradients().stream().anyMatch(g -> g.flow().stream().filter(f -> f > 0).count() > 1)) {
                byCell.computeIfAbsent(v.settings().getOrDefault("cell", ""), c -> new ArrayList<>()).add(v);
            }
        }
        List<ChartSpec> charts = new ArrayList<>();
        // one scale for every cell's chart: how far the gradient falls is the point of comparing them
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (List<VariantRecord> vs : byCell.values()) {
            for (VariantRecord v : vs) {
                for (GradientRecord g : v.gradients()) {
                    for (double f : g.flow()) {
                        if (f > 0 && Double.isFinite(f)) {
                            low = Math.min(low, f);
                            high = Math.max(high, f);
                        }
                    }
                }
            }
        }
        double yMin = high > 0 ? Math.pow(10, Math.floor(Math.log10(low))) : Double.NaN;
        double yMax = high > 0 ? Math.pow(10, Math.ceil(Math.log10(high))) : Double.NaN;
        Map<String, List<VariantRecord>> groups = new LinkedHashMap<>();
        if (byCell.size() > 1) {
            // first every cell on one chart: the lesson at a glance; then one chart per cell to read each
            groups.put("every cell", byCell.values().stream().flatMap(List::stream).toList());
        }
        byCell.forEach((cell, vs) -> groups.put(cell.isEmpty() ? "" : "cell " + cell, vs));
        for (Map.Entry<String, List<VariantRecord>> group : groups.entrySet()) {
            String title = group.getKey().isEmpty() ? "gradient flow through time" : "gradient flow through time: " + group.getKey();
            charts.add(flowChart("flow-" + charts.size(), title, group.getValue(), yMin, yMax));
        }
        return charts;
    }

    private static ChartSpec flowChart(String id, String title, List<VariantRecord> variants, double yMin, double yMax) {
        Set<Integer> epochs = new TreeSet<>();
        variants.forEach(v -> v.gradients().forEach(g -> epochs.add(g.epoch())));
        List<ChartSpec.Series> series = new ArrayList<>();
        for (VariantRecord v : variants) {
            List<List<double[]>> frames = new ArrayList<>();
            for (int epoch : epochs) {
                List<double[]> points = new ArrayList<>();
                v.gradients().stream().filter(g -> g.epoch() <= epoch).reduce((a, b) -> b).ifPresent(g -> {
                    for (int k = 0; k < g.flow().size(); k++) {
                        points.add(new double[] {k, g.flow().get(k)});
                    }
                });
                frames.add(points);
            }
            series.add(new ChartSpec.Series(v.name(), v.name(), frames));
        }
        return new ChartSpec(id, FLOW, title,
                "‖dLoss/dh_t‖ at k steps before the last step, on the epoch's first batch, on one log scale for every chart. "
                        + "A line that falls fast means the gradient fades before it reaches the early steps. At the start "
                        + "it fades for most cells, gated ones too; what matters is whether training lifts it (step through "
                        + "the epochs): a cell whose line stays down cannot learn long dependencies. "
                        + "A run that ended early shows its last epoch.",
                "steps back (k)", "‖dLoss/dh‖", true, epochs.stream().map(e -> "epoch " + e).toList(), series, yMin, yMax);
    }

    private static ChartSpec parameterNorms(VariantRecord v) {
        Set<String> parameters = new TreeSet<>();
        v.gradients().forEach(g -> parameters.addAll(g.parameterNorms().keySet()));
        List<ChartSpec.Series> series = new ArrayList<>();
        for (String p : parameters) {
            List<double[]> points = new ArrayList<>();
            for (GradientRecord g : v.gradients()) {
                Double n = g.parameterNorms().get(p);
                if (n != null) {
                    points.add(new double[] {g.epoch(), n});
                }
            }
            series.add(new ChartSpec.Series(p, "", List.of(points)));
        }
        return new ChartSpec("param-norm", PARAMETERS, "gradient norm per parameter",
                "L2 norm of each parameter's gradient, mean over the epoch's steps", "epoch",
                "‖∇ parameter‖", true, List.of(), series);
    }
}
