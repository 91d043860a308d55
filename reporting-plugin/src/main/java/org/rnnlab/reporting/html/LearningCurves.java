package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rnnlab.api.event.Metric;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.seeds.SeedBand;

/**
 * The learning curves of a page: a training metric and its validation twin in one chart ({@code train.loss}
 * with {@code val.loss}), every other metric alone, then the learning rate. When a setting has several
 * seeds, each chart also holds per setting the mean over its seeds with a band from the lowest to the
 * highest seed (the page shows these means, or every run, at the reader's choice); a star marks the
 * epoch each run counts as its best, on the chart of the metric that chose it.
 */
final class LearningCurves {
    private LearningCurves() {}

    static final String TRAIN = "train.";
    static final String VALIDATION = "val.";

    static List<ChartSpec> of(ExperimentRecord experiment, List<String> metrics, boolean runPage) {
        List<SeedGroup> groups = SeedGroup.of(experiment);
        boolean seeds = !runPage && groups.stream().anyMatch(g -> g.members().size() > 1);
        List<String> labels = SeedComparison.groupLabels(experiment);
        List<ChartSpec> charts = new ArrayList<>();
        for (String metric : metrics) {
            String rest = metric.substring(metric.indexOf('.') + 1);
            if (metric.startsWith(VALIDATION) && metrics.contains(TRAIN + rest)) {
                continue; // drawn beside its training curve
            }
            List<String> drawn = metric.startsWith(TRAIN) && metrics.contains(VALIDATION + rest)
                    ? List.of(metric, VALIDATION + rest) : List.of(metric);
            charts.add(chart("curve-" + charts.size(), experiment, drawn, seeds ? groups : List.of(), labels));
        }
        learningRate(experiment).ifPresent(charts::add);
        return charts;
    }

    private static ChartSpec chart(String id, ExperimentRecord experiment, List<String> drawn, List<SeedGroup> groups,
                                   List<String> labels) {
        boolean pair = drawn.size() == 2;
        List<ChartSpec.Series> series = new ArrayList<>();
        for (String metric : drawn) {
            boolean training = pair && metric.startsWith(TRAIN);
            String part = pair ? (training ? " · training" : " · validation") : "";
            Function<EpochRecord, Optional<Double>> value = e -> Optional.ofNullable(e.metrics().get(metric));
            for (int g = 0; g < groups.size(); g++) {
                List<VariantRecord> in = groups.get(g).included();
                SeedBand band = SeedBand.of(in, value);
                if (band.points().isEmpty()) {
                    continue;
                }
                series.add(new ChartSpec.Series(labels.get(g) + part + " · mean of " + in.size()
                        + (in.size() == 1 ? " seed" : " seeds, band min–max"), "", List.of(band.asSeries()),
                        ChartSpec.Kind.MEAN, training, in.stream().map(VariantRecord::name).toList()));
            }
            for (VariantRecord v : experiment.variants()) {
                List<double[]> points = new ArrayList<>();
                for (EpochRecord e : v.epochs()) {
                    value.apply(e).ifPresent(y -> points.add(new double[] {e.epoch(), y}));
                }
                series.add(new ChartSpec.Series(v.name() + part, v.name(), List.of(points), ChartSpec.Kind.RUN, training, List.of()));
            }
        }
        for (VariantRecord v : experiment.variants()) {
            if (v.best().known() && drawn.contains(v.best().metric()) && Double.isFinite(v.best().value())) {
                series.add(new ChartSpec.Series(v.name() + " · best epoch " + v.best().epoch(), v.name(),
                        List.of(List.of(new double[] {v.best().epoch(), v.best().value()})), ChartSpec.Kind.BEST, false, List.of()));
            }
        }
        String metric = drawn.getLast();
        Metric meaning = Metric.of(metric, experiment.metricNames());
        String rest = metric.substring(metric.indexOf('.') + 1);
        String title = pair ? rest + ": training and validation" : metric;
        String described = meaning.describe().strip();
        String note = described + (described.isEmpty() || described.endsWith(".") ? "" : ".") + (pair ? " Faint lines: training (" + drawn.getFirst() + "); full lines: validation." : "")
                + (groups.isEmpty() ? "" : " Shaded: lowest to highest seed of a setting; the line is their mean.");
        return new ChartSpec(id, ChartPlan.CURVES, title, note.strip(), "epoch", ChartPlan.axisLabel(metric, meaning),
                ChartPlan.spansDecades(series), List.of(), series);
    }

    /** The learning rate of every run per epoch, when the log records it. */
    private static Optional<ChartSpec> learningRate(ExperimentRecord experiment) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (VariantRecord v : experiment.variants()) {
            List<double[]> points = new ArrayList<>();
            for (EpochRecord e : v.epochs()) {
                if (Double.isFinite(e.learningRate())) {
                    points.add(new double[] {e.epoch(), e.learningRate()});
                }
            }
            series.add(new ChartSpec.Series(v.name(), v.name(), List.of(points)));
        }
        ChartSpec chart = new ChartSpec("learning-rate", ChartPlan.CURVES, "learning rate",
                "The rate of each epoch's last optimiser step, as the schedule set it (schedule, lr).", "epoch",
                "learning rate", ChartPlan.spansDecades(series), List.of(), series);
        return chart.hasData() ? Optional.of(chart) : Optional.empty();
    }
}
