package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

/**
 * Writes one self-contained HTML page: the comparison page of an experiment, or the page of one of its
 * variants. Tables and text are written here, escaped; charts are drawn in the browser by the page
 * script from JSON data embedded in the page.
 */
public final class ReportPage {
    private ReportPage() {}

    /** The experiment's comparison page ({@code comparison.html}). */
    public static String comparison(ExperimentRecord experiment) {
        return page(experiment, null);
    }

    /** One variant's page ({@code <variant>/report.html}). */
    public static String run(ExperimentRecord experiment, VariantRecord variant) {
        return page(experiment.only(variant), variant);
    }

    private static String page(ExperimentRecord e, VariantRecord single) {
        boolean runPage = single != null;
        List<String> dimensions = Dimensions.of(e);
        List<ChartSpec> charts = ChartPlan.of(e, runPage);
        List<String[]> toc = new ArrayList<>();
        StringBuilder body = new StringBuilder();

        String title = runPage ? single.name() + " · " + e.name() : e.name() + " · comparison";
        body.append("<header><h1>").append(escape(runPage ? single.name() : e.name())).append("</h1><p class=\"subtitle\">");
        if (runPage) {
            body.append("one run of experiment <a href=\"../").append(RunLinks.COMPARISON).append("\">").append(escape(e.name()))
                    .append("</a> · ").append(StatusBadge.of(single)).append(" · seed ").append(single.seed());
        } else {
            body.append("comparison of ").append(e.variants().size()).append(e.variants().size() == 1 ? " variant" : " variants");
            statusCounts(e).forEach((status, n) -> body.append(" · ").append(n).append(' ').append(escape(status.label())));
            if (e.wallMillis() >= 0) {
                body.append(" · ").append(Numbers.format(e.wallMillis() / 1000.0)).append(" s wall time");
            } else {
                body.append(" · <span class=\"badge running\">experiment not completed</span>");
            }
        }
        body.append("</p></header>");

        if (!runPage && !e.claims().isEmpty()) {
            body.append(section(toc, "claims", "Claims of the lesson", ClaimsSection.of(e), ""));
        }
        if (!e.description().isBlank()) {
            body.append(section(toc, "lesson", "What to look for", paragraphs(e.description()), "lesson"));
        }
        List<VariantRecord> unfinished = e.variants().stream().filter(v -> !v.status().countsInMean()).toList();
        if (!unfinished.isEmpty()) {
            StringBuilder h = new StringBuilder("<ul>");
            for (VariantRecord v : unfinished) {
                h.append("<li data-variant=\"").append(escape(v.name())).append("\"><strong>").append(escape(v.name()))
                        .append("</strong> ").append(StatusBadge.of(v)).append(" — ").append(StatusBadge.why(v)).append("</li>");
            }
            h.append("</ul><p>")
                    .append(runPage ? "This run's final metrics do not describe a trained model."
                            : "These runs are marked in every table and left out of the means over seeds; their curves stop where they ended.")
                    .append("</p>");
            body.append(section(toc, "not-finished", runPage ? "This run did not finish" : "Runs that did not finish",
                    h.toString(), "callout"));
        }

        if (runPage) {
            body.append(section(toc, "metrics", "Final and best metrics", SummaryTables.finalAndBest(e, single)
                    + BestEpochSection.ofRun(single), ""));
        } else {
            // a mean over one seed would only repeat the run's row
            boolean seeds = SeedGroup.of(e).stream().anyMatch(g -> g.members().size() > 1);
            body.append(section(toc, "metrics", "Final metrics",
                    (seeds ? "<h3>Mean over seeds</h3><div class=\"scroll\">" + SummaryTables.meanTable(e, dimensions) + "</div>" : "")
                            + "<h3>Every run</h3><div class=\"scroll\">" + SummaryTables.runTable(e, true) + "</div>"
                            + "<p class=\"explain\">Final values after the last epoch. ★ marks the best run of a column among "
                            + "the runs on the same dataset that trained to the end. Hover a column's name for its meaning.</p>"
                            + (seeds ? "" : SummaryTables.notCountedNote(e)) + BestEpochSection.of(e), ""));
        }
        List<SeedComparison> comparisons = runPage ? List.of() : SeedComparison.of(e);
        if (!comparisons.isEmpty()) {
            body.append(section(toc, "over-seeds", "Compared over seeds", SeedComparisonSection.of(comparisons), ""));
        }
        if (!runPage && e.variants().size() > 1) {
            body.append("<div id=\"variant-panel\" class=\"panel\" aria-label=\"variants shown in the charts\"></div>");
        }
        if (ChartBoxes.any(charts, ChartPlan.CURVES)) {
            body.append(section(toc, "curves", "Learning curves", CurveControls.of(charts) + ChartBoxes.of(charts, ChartPlan.CURVES), ""));
        }
        if (ChartBoxes.any(charts, ChartPlan.GRADIENTS) || ChartBoxes.any(charts, ChartPlan.PARAMETERS)) {
            body.append(section(toc, "gradients", "Gradient norms",
                    ChartBoxes.of(charts, ChartPlan.GRADIENTS) + ChartBoxes.of(charts, ChartPlan.PARAMETERS), ""));
        }
        if (ChartBoxes.any(charts, ChartPlan.FLOW)) {
            body.append(section(toc, "flow", "Gradient flow through time", ChartBoxes.of(charts, ChartPlan.FLOW), ""));
        }
        if (ConfusionSection.applies(e)) {
            body.append(section(toc, "confusion", "Confusion matrices", ConfusionSection.of(e), ""));
        }
        if (AttentionSection.applies(e)) {
            body.append(section(toc, "attention", "Attention", AttentionSection.of(e), ""));
        }
        if (EmbeddingSection.applies(e)) {
            body.append(section(toc, "embeddings", "Word embeddings", EmbeddingSection.of(e), ""));
        }
        if (LengthSection.applies(e)) {
            body.append(section(toc, "by-length", "Exact match by source length", LengthSection.of(e), ""));
        }
        List<org.rnnlab.reporting.model.ChoraleRecord> real = RealChorales.of(e);
        List<org.rnnlab.reporting.model.ChoraleRecord> sampled = SampledChorales.of(e, !runPage);
        List<org.rnnlab.reporting.model.ChoraleRecord> chorales = new java.util.ArrayList<>(real);
        chorales.addAll(sampled);
        if (!chorales.isEmpty()) {
            body.append(section(toc, "chorales", real.isEmpty() ? "Sampled chorales" : "Real and sampled chorales",
                    ChoraleSection.of(chorales) + "<p class=\"explain\">"
                    + (real.isEmpty() ? "" : "Real: the first chorales of the data's test split, cut to the length of a sample. ")
                    + (sampled.isEmpty() ? "" : "Sampled: each model's samples of its last sampled epoch; the MIDI files lie in the "
                            + (runPage ? "run's" : "variant's") + " folder under samples/.") + "</p>", ""));
        }
        if (SamplesSection.applies(e)) {
            body.append(section(toc, "samples", "Samples", SamplesSection.of(e), ""));
        }
        if (ChartBoxes.any(charts, ChartPlan.SPEED)) {
            body.append(section(toc, "speed", "Speed",
                    "<p class=\"explain\">Timings vary from machine to machine and run to run; they are not part of the results.</p>"
                            + ChartBoxes.of(charts, ChartPlan.SPEED), ""));
        }
        body.append(section(toc, "files", "Data files", runPage ? RunFilesSection.ofRun(single) : RunFilesSection.ofComparison(e), ""));
        body.append(section(toc, "configuration", "Configuration and provenance", ConfigurationSection.of(e, dimensions), ""));

        StringBuilder nav = new StringBuilder("<nav><ul>");
        for (String[] entry : toc) {
            nav.append("<li><a href=\"#").append(entry[0]).append("\">").append(escape(entry[1])).append("</a></li>");
        }
        nav.append("</ul></nav>");

        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"rnnlab reporting\"><title>" + escape(title) + "</title>\n"
                + "<script>" + PageAssets.ERROR_CAPTURE + "</script>\n<style>" + PageAssets.STYLE
                + (chorales.isEmpty() ? "" : PageAssets.CHORALE_STYLE) + "</style></head>\n<body>"
                + nav + "<main>" + body + "</main>"
                + "<footer><p>Made by rnnlab. Charts by Chart.js (MIT license), inlined so this page opens offline.</p>"
                + "<pre id=\"selfcheck\" aria-hidden=\"true\"></pre></footer>\n"
                + "<script type=\"application/json\" id=\"report-data\">" + JsonText.of(data(e, dimensions, charts)) + "</script>\n"
                + "<script>" + PageAssets.CHART_JS + "</script>\n<script>" + PageAssets.SCRIPT + "</script>\n"
                + (chorales.isEmpty() ? "" : "<script>" + PageAssets.CHORALE_PLAYER + "</script>\n") + "</body></html>\n";
    }

    private static Map<VariantStatus, Integer> statusCounts(ExperimentRecord e) {
        Map<VariantStatus, Integer> counts = new java.util.EnumMap<>(VariantStatus.class);
        e.variants().forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return counts;
    }

    private static String section(List<String[]> toc, String id, String heading, String content, String cls) {
        toc.add(new String[] {id, heading});
        return "<section id=\"" + id + "\"" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + "><h2>" + escape(heading)
                + "</h2>" + content + "</section>";
    }

    private static String paragraphs(String text) {
        StringBuilder h = new StringBuilder();
        for (String p : text.strip().split("\\R\\s*\\R")) {
            h.append("<p>").append(escape(p.strip())).append("</p>");
        }
        return h.toString();
    }

    private static Map<String, Object> data(ExperimentRecord e, List<String> dimensions, List<ChartSpec> charts) {
        TreeSet<Long> seeds = new TreeSet<>();
        e.variants().forEach(v -> seeds.add(v.seed()));
        List<Long> seedOrder = List.copyOf(seeds);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantRecord v : e.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("status", v.status().label());
            m.put("counted", v.status().countsInMean());
            m.put("seedIndex", seedOrder.indexOf(v.seed()));
            m.put("seed", v.seed());
            Map<String, Object> groups = new LinkedHashMap<>();
            dimensions.forEach(d -> groups.put(d, v.settings().getOrDefault(d, "")));
            m.put("groups", groups);
            variants.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("experiment", e.name());
        data.put("dimensions", dimensions);
        data.put("variants", variants);
        data.put("charts", charts.stream().map(ChartSpec::toJson).toList());
        return data;
    }
}
