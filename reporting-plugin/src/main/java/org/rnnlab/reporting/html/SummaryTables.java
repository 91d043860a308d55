package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.api.event.Metric;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import static org.rnnlab.reporting.html.HtmlText.escape;

/**
 * The tables of final metrics: mean and spread over seeds per group (best marked), and one row per run
 * with the exact values of {@code summary.csv} in {@code data-value} attributes.
 */
final class SummaryTables {
    private SummaryTables() {}

    /** Final metrics shown in tables: every metric but timings, losses first. */
    static List<String> metrics(ExperimentRecord experiment) {
        Set<String> all = new TreeSet<>();
        experiment.variants().forEach(v -> all.addAll(v.finalMetrics().keySet()));
        List<String> out = new ArrayList<>(all.stream().filter(m -> m.endsWith("loss")).toList());
        all.stream().filter(m -> !m.endsWith("loss") && !m.startsWith("time.")).forEach(out::add);
        return out;
    }

    static String header(String metric, java.util.Set<String> siblings) {
        Metric meaning = Metric.of(metric, siblings);
        return "<th scope=\"col\" title=\"" + escape(meaning.describe()) + "\">" + escape(metric)
                + (meaning.direction().arrow().isEmpty() ? "" : " " + meaning.direction().arrow())
                + "<div class=\"unit\">" + escape(meaning.meaningWithUnit()) + "</div></th>";
    }

    static String meanTable(ExperimentRecord experiment, List<String> dimensions) {
        List<String> metrics = metrics(experiment);
        List<SeedGroup> groups = SeedGroup.of(experiment);
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"metrics\" id=\"mean-table\"><thead><tr><th scope=\"col\">variants (settings that differ)</th>"
                + "<th scope=\"col\">runs in mean</th>");
        metrics.forEach(m -> h.append(header(m, experiment.metricNames())));
        h.append("</tr></thead><tbody>");
        for (SeedGroup g : groups) {
            VariantRecord first = g.members().getFirst();
            h.append("<tr data-group=\"").append(escape(Dimensions.label(first, dimensions))).append("\"><th scope=\"row\">")
                    .append(String.join("<br>", Dimensions.pairs(first, dimensions).stream().map(HtmlText::escape).toList()))
                    .append("</th><td class=\"count\">")
                    .append(g.included().size()).append(" of ").append(g.members().size());
            for (VariantRecord x : g.excluded()) {
                h.append("<div class=\"excluded\">left out: ").append(escape(x.name())).append(" (")
                        .append(escape(x.status().label())).append(")</div>");
            }
            h.append("</td>");
            for (String m : metrics) {
                OptionalDouble mean = g.mean(m);
                OptionalDouble spread = g.spread(m);
                boolean best = mean.isPresent() && isBest(g, mean.getAsDouble(), m, groups);
                h.append("<td class=\"num").append(best ? " best" : "").append("\" data-metric=\"").append(escape(m)).append('"');
                if (mean.isPresent()) {
                    h.append(" data-mean=\"").append(mean.getAsDouble()).append("\" data-n=\"").append(g.count(m)).append('"');
                    h.append('>').append(best ? "<span class=\"star\" title=\"best mean\">★</span> " : "")
                            .append(Numbers.format(mean.getAsDouble()))
                            .append(spread.isPresent() ? " ± " + Numbers.format(spread.getAsDouble()) : "");
                } else {
                    h.append(">—");
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        h.append("<p class=\"explain\">Each row is one combination of settings; its value is the mean of the final "
                + "metric over the seeds that trained to the end, ± the sample standard deviation over those seeds "
                + "(no ± when only one seed counts). ★ marks the best mean of a column among the rows on the same dataset (↓ lower is better, ↑ higher is better). ");
        List<VariantRecord> left = experiment.variants().stream().filter(v -> !v.status().countsInMean()).toList();
        if (!left.isEmpty()) {
            h.append("<strong>Left out of the means:</strong> ");
            h.append(String.join("; ", left.stream().map(v -> escape(v.name()) + " (" + escape(v.status().label()) + ")").toList()));
            h.append(", because their final metrics do not describe a trained model.");
        }
        return h.append("</p>").toString();
    }

    /** Best among the groups on the same dataset: a loss on one dataset says nothing about a loss on another. */
    /** Says which runs' values are struck through, when there is no mean table to say it. */
    static String notCountedNote(ExperimentRecord experiment) {
        List<VariantRecord> left = experiment.variants().stream().filter(v -> !v.status().countsInMean()).toList();
        if (left.isEmpty()) {
            return "";
        }
        return "<p class=\"explain\">Struck-through values belong to runs that did not train to the end: "
                + String.join("; ", left.stream().map(v -> escape(v.name()) + " (" + escape(v.status().label()) + ")").toList())
                + ".</p>";
    }

    private static boolean isBest(SeedGroup group, double mean, String metric, List<SeedGroup> groups) {
        Metric.Direction d = Metric.of(metric).direction();
        String dataset = group.settings().getOrDefault("dataset", "");
        List<SeedGroup> rivals = groups.stream().filter(g -> g.settings().getOrDefault("dataset", "").equals(dataset)
                && g.mean(metric).isPresent()).toList();
        if (d == Metric.Direction.NEITHER || rivals.size() < 2) {
            return false;
        }
        for (SeedGroup g : rivals) {
            OptionalDouble other = g.mean(metric);
            if (other.isPresent() && (d == Metric.Direction.LOWER_IS_BETTER ? other.getAsDouble() < mean : other.getAsDouble() > mean)) {
                return false;
            }
        }
        return true;
    }

    /** One row per run; ★ marks the best final value of a column among the runs on the same dataset. */
    static String runTable(ExperimentRecord experiment, boolean links) {
        List<String> metrics = metrics(experiment);
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"metrics\" id=\"run-table\"><thead><tr><th scope=\"col\">variant</th>"
                + "<th scope=\"col\">status</th><th scope=\"col\">seed</th><th scope=\"col\">epochs<div class=\"unit\">done / planned</div></th>"
                + "<th scope=\"col\">wall time<div class=\"unit\">seconds</div></th>");
        metrics.forEach(m -> h.append(header(m, experiment.metricNames())));
        h.append("</tr></thead><tbody>");
        for (VariantRecord v : experiment.variants()) {
            h.append("<tr data-variant=\"").append(escape(v.name())).append("\" class=\"status-")
                    .append(v.status().name().toLowerCase(java.util.Locale.ROOT)).append("\"><th scope=\"row\">");
            if (links) {
                h.append("<a href=\"").append(escape(RunLinks.runPage(v.name()))).append("\">").append(escape(v.name())).append("</a>");
            } else {
                h.append(escape(v.name()));
            }
            h.append("</th><td>").append(StatusBadge.of(v)).append("</td><td class=\"num\">").append(v.seed())
                    .append("</td><td class=\"num\">").append(v.epochs().size()).append(" / ").append(v.epochsPlanned())
                    .append("</td><td class=\"num\">")
                    .append(v.wallMillis() < 0 ? "—" : Numbers.format(v.wallMillis() / 1000.0)).append("</td>");
            for (String m : metrics) {
                Double value = v.finalMetrics().get(m);
                boolean best = value != null && isBestRun(v, m, experiment);
                h.append("<td class=\"num").append(v.status().countsInMean() ? "" : " not-in-mean").append(best ? " best" : "")
                        .append("\" data-variant=\"")
                        .append(escape(v.name())).append("\" data-metric=\"").append(escape(m)).append('"');
                if (value == null) {
                    h.append(">—</td>");
                } else {
                    h.append(" data-value=\"").append(value).append("\">")
                            .append(best ? "<span class=\"star\" title=\"best run\">★</span> " : "")
                            .append(Numbers.format(value)).append("</td>");
                }
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    /** Best final value among the runs that trained to the end on the same dataset (ties all count as best). */
    private static boolean isBestRun(VariantRecord run, String metric, ExperimentRecord experiment) {
        Metric.Direction d = Metric.of(metric).direction();
        if (d == Metric.Direction.NEITHER || !run.status().countsInMean()) {
            return false;
        }
        String dataset = run.settings().getOrDefault("dataset", "");
        List<Double> rivals = experiment.variants().stream()
                .filter(v -> v.status().countsInMean() && v.settings().getOrDefault("dataset", "").equals(dataset))
                .map(v -> v.finalMetrics().get(metric)).filter(x -> x != null && Double.isFinite(x)).toList();
        double value = run.finalMetrics().get(metric);
        if (rivals.size() < 2 || !Double.isFinite(value)) {
            return false;
        }
        return rivals.stream().noneMatch(x -> d == Metric.Direction.LOWER_IS_BETTER ? x < value : x > value);
    }

    /** A run page's own table: final and best value of each metric. */
    static String finalAndBest(ExperimentRecord experiment, VariantRecord v) {
        Set<String> metrics = new TreeSet<>(v.finalMetrics().keySet());
        metrics.addAll(v.bestMetrics().keySet());
        StringBuilder h = new StringBuilder("<table class=\"metrics\" id=\"final-best\"><thead><tr><th scope=\"col\">metric</th>"
                + "<th scope=\"col\">meaning</th><th scope=\"col\">final</th><th scope=\"col\">best</th></tr></thead><tbody>");
        for (String m : metrics) {
            h.append("<tr><th scope=\"row\">").append(escape(m)).append("</th><td>").append(escape(Metric.of(m, experiment.metricNames()).describe()))
                    .append("</td>").append(valueCell(v, m, v.finalMetrics().get(m))).append(valueCell(v, m, v.bestMetrics().get(m)))
                    .append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static String valueCell(VariantRecord v, String metric, Double value) {
        if (value == null) {
            return "<td class=\"num\">—</td>";
        }
        return "<td class=\"num\" data-variant=\"" + escape(v.name()) + "\" data-metric=\"" + escape(metric)
                + "\" data-value=\"" + value + "\">" + Numbers.format(value) + "</td>";
    }
}
