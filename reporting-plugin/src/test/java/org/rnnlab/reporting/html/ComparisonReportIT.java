package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.csv.CsvReporterFactory;

/**
 * Renders the comparison and run pages of {@link SyntheticExperiment} in headless Chromium: no script
 * errors, every chart drew, and the table shows the numbers of {@code summary.csv}. Screenshots for a
 * person to look at go to {@code target/screenshots/}.
 */
class ComparisonReportIT {
    @TempDir
    static Path scratch;
    static Path run;
    static HeadlessChromium chromium;

    @BeforeAll
    static void writeReports() throws Exception {
        run = scratch.resolve("runs").resolve(SyntheticExperiment.NAME).resolve("20261121-210000");
        List<Event> events = SyntheticExperiment.events(run);
        SyntheticExperiment.replay(events, new CsvReporterFactory().create(new ReportContext(run, false)),
                new HtmlReporterFactory().create(new ReportContext(run, false)));
        chromium = new HeadlessChromium(Files.createDirectories(scratch.resolve("chromium")));
    }

    @Test
    void comparisonPageRunsWithoutErrorsAndDrawsEveryChart() throws Exception {
        Document dom = loaded(run.resolve("comparison.html"));
        int canvases = dom.select("canvas.chart").size();
        // curves (train.loss with val.loss, val.accuracy, val.bits_per_char), 2 timings, gradient norm, flow of every cell + 3 cells
        assertThat(canvases).isEqualTo(10);
        assertEveryChartDrew(dom);
        assertThat(dom.select("#variant-panel input[type=checkbox]")).hasSize(SyntheticExperiment.specs().size());
    }

    @Test
    void everyRunPageRunsWithoutErrorsAndDrawsEveryChart() throws Exception {
        for (SyntheticExperiment.Spec spec : SyntheticExperiment.specs()) {
            Document dom = loaded(run.resolve(spec.name()).resolve("report.html"));
            assertThat(dom.select("canvas.chart")).as(spec.name()).isNotEmpty();
            assertEveryChartDrew(dom);
            assertThat(dom.select("#param-norm")).as("per-parameter chart of " + spec.name()).hasSize(1);
        }
    }

    @Test
    void tableShowsTheNumbersOfSummaryCsv() throws Exception {
        Document dom = loaded(run.resolve("comparison.html"));
        List<CSVRecord> summary;
        try (Reader in = Files.newBufferedReader(run.resolve("summary.csv"))) {
            summary = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        int compared = 0;
        for (CSVRecord row : summary) {
            for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
                if (!cell.getKey().startsWith("final.") || cell.getValue().isEmpty()) {
                    continue;
                }
                String metric = cell.getKey().substring("final.".length());
                Element td = dom.selectFirst("#run-table td[data-variant=\"" + row.get("variant") + "\"][data-metric=\"" + metric + "\"]");
                assertThat(td).as(row.get("variant") + " " + metric).isNotNull();
                double value = Double.parseDouble(cell.getValue());
                assertThat(Double.parseDouble(td.attr("data-value"))).isEqualTo(value);
                // a best value carries a star before the number
                assertThat(td.ownText().strip()).isEqualTo(Numbers.format(value));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(15);

        // the means: over the seeds that completed, as summary.csv lists them
        Map<String, double[]> sums = new HashMap<>();
        for (CSVRecord row : summary) {
            if (!row.get("status").equals("COMPLETED")) {
                continue;
            }
            String group = row.get("setting.cell") + "/" + row.get("setting.dataset");
            double[] s = sums.computeIfAbsent(group, g -> new double[2]);
            s[0] += Double.parseDouble(row.get("final.val.loss"));
            s[1]++;
        }
        for (Element tr : dom.select("#mean-table tbody tr")) {
            String label = tr.attr("data-group");
            String group = value(label, "cell") + "/" + value(label, "dataset");
            Element td = tr.selectFirst("td[data-metric=val.loss]");
            double[] s = sums.get(group);
            // the page and this test add the same doubles in the same order: identical up to one rounding
            assertThat(Double.parseDouble(td.attr("data-mean"))).as(group).isCloseTo(s[0] / s[1], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(td.attr("data-n")).isEqualTo(Integer.toString((int) s[1]));
            assertThat(td.text()).contains(Numbers.format(Double.parseDouble(td.attr("data-mean"))));
        }
    }

    @Test
    void hostileNamesAndTextRunNoScriptInTheBrowser() throws Exception {
        Path hostile = scratch.resolve("runs").resolve("hostile").resolve("1");
        SyntheticExperiment.replay(SyntheticExperiment.hostile(hostile),
                new CsvReporterFactory().create(new ReportContext(hostile, false)),
                new HtmlReporterFactory().create(new ReportContext(hostile, false)));
        for (Path page : List.of(hostile.resolve("comparison.html"),
                hostile.resolve(SyntheticExperiment.IMG_NAME).resolve("report.html"))) {
            Document dom = loaded(page);
            assertThat(dom.body().hasAttr("data-pwned")).as(page.toString()).isFalse();
            assertThat(dom.select("img, iframe, textarea")).isEmpty();
            assertEveryChartDrew(dom);
        }
        Document dom = loaded(hostile.resolve("comparison.html"));
        // the panel the script builds shows the names as text too
        assertThat(dom.select("#variant-panel .variant-toggle span").eachText()).contains(SyntheticExperiment.SCRIPT_NAME);
        assertThat(dom.select("#variant-panel input").eachAttr("data-variant")).contains(SyntheticExperiment.QUOTE_NAME);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        chromium.screenshot(hostile.resolve("comparison.html"), shots.resolve("hostile.png"), 1400, 3000);
    }

    @Test
    void screenshotsForAReader() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path comparison = shots.resolve("comparison.png");
        chromium.screenshot(run.resolve("comparison.html"), comparison, 1400, 5200);
        Path runPage = shots.resolve("run-diverged.png");
        chromium.screenshot(run.resolve(SyntheticExperiment.DIVERGED).resolve("report.html"), runPage, 1400, 3000);
        assertThat(Files.size(comparison)).isGreaterThan(50_000);
        assertThat(Files.size(runPage)).isGreaterThan(20_000);
    }

    private static String value(String groupLabel, String key) {
        for (String part : groupLabel.split(", ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return "";
    }

    static Document loaded(Path page) throws Exception {
        HeadlessChromium.Result result = chromium.dumpDom(page);
        Document dom = Jsoup.parse(result.stdout());
        assertThat(dom.body().attr("data-selfcheck")).as("self-check of " + page + "; stderr:\n" + result.stderr()).isEqualTo("done");
        assertThat(dom.select("#script-errors li").eachText()).as("script errors on " + page).isEmpty();
        assertThat(result.stderr()).as("browser log of " + page).doesNotContain("Uncaught");
        return dom;
    }

    static void assertEveryChartDrew(Document dom) {
        for (Element canvas : dom.select("canvas.chart")) {
            assertThat(canvas.attr("data-drawn-points")).as("points drawn on " + canvas.id()).isNotEmpty();
            assertThat(Integer.parseInt(canvas.attr("data-drawn-points"))).as("points drawn on " + canvas.id()).isPositive();
            assertThat(Integer.parseInt(canvas.attr("data-painted-pixels"))).as("pixels painted on " + canvas.id()).isGreaterThan(1000);
        }
    }
}
