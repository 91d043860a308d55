package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SeededExperiment;
import org.rnnlab.reporting.csv.CsvReporterFactory;

/**
 * The comparison page of a run over three seeds in headless Chromium: no script or console errors, the
 * bands over seeds and the best-epoch stars drawn, the intervals in the table, zero gradients shown as
 * underflow, few and uniform log-axis labels, and a heading reached by a link below the sticky bar.
 * Screenshots for a person go to {@code target/screenshots/}.
 */
class SeedReportIT {
    @TempDir
    static Path scratch;
    static Path run;
    static HeadlessChromium chromium;

    @BeforeAll
    static void writeReports() throws Exception {
        run = scratch.resolve("runs").resolve(SeededExperiment.NAME).resolve("20261202-020000");
        org.rnnlab.reporting.SyntheticExperiment.replay(SeededExperiment.events(run),
                new CsvReporterFactory().create(new ReportContext(run, false)),
                new HtmlReporterFactory().create(new ReportContext(run, false)));
        // the runtime, not a reporter, writes the event log the pages link to; its first line stands in for it here
        Files.writeString(run.resolve(RunFilesSection.EVENT_LOG), "{\"format\":\"rnnlab-events\",\"version\":4}\n");
        chromium = new HeadlessChromium(Files.createDirectories(scratch.resolve("chromium")));
    }

    private static Document loaded(Path page, String fragment) throws Exception {
        HeadlessChromium.Result result = fragment.isEmpty() ? chromium.dumpDom(page) : chromium.dumpDom(page, fragment);
        Document dom = Jsoup.parse(result.stdout());
        assertThat(dom.body().attr("data-selfcheck")).as("self-check of " + page + "; stderr:\n" + result.stderr()).isEqualTo("done");
        assertThat(dom.select("#script-errors li").eachText()).as("script and console errors on " + page).isEmpty();
        assertThat(result.stderr()).as("browser log of " + page).doesNotContain("Uncaught");
        return dom;
    }

    @Test
    void theComparisonPageDrawsBandsStarsAndIntervalsWithoutErrors() throws Exception {
        Document dom = loaded(run.resolve("comparison.html"), "");
        ComparisonReportIT.assertEveryChartDrew(dom);

        Element loss = dom.getElementById("curve-0");
        // a band per setting for training and for validation: 3 settings x 2
        assertThat(Integer.parseInt(loss.attr("data-bands"))).isEqualTo(6);
        Element accuracy = dom.getElementById("curve-1");
        assertThat(Integer.parseInt(accuracy.attr("data-bands"))).isEqualTo(3);
        assertThat(Integer.parseInt(accuracy.attr("data-best-markers"))).isEqualTo(9);
        assertThat(dom.select("#seed-comparisons tbody tr")).hasSize(2);
        assertThat(dom.select("#seed-comparisons svg.interval-bar")).hasSize(2);
        assertThat(dom.select("#seed-comparisons td.verdict").eachText()).containsExactly("not distinguishable", "lstm better");
        assertThat(dom.getElementById("learning-rate").attr("data-drawn-points")).isNotEqualTo("0");
    }

    @Test
    void zeroGradientsSitAtTheFloorAsUnderflowAndLogLabelsAreFewAndAlike() throws Exception {
        Document dom = loaded(run.resolve("comparison.html"), "");
        Element flow = dom.getElementById("flow-0");
        // rnn's flow is exactly 0 from 13 steps back: 7 of 20 points for each of its 3 seeds
        assertThat(Integer.parseInt(flow.attr("data-underflow-points"))).isEqualTo(3 * 7);
        List<String> labels = List.of(flow.attr("data-y-ticks").split("\\|"));
        assertThat(labels).hasSizeLessThanOrEqualTo(8).allSatisfy(l -> assertThat(l).matches("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+"));

        // tokens per second from 200,000 to 550,000 on a linear axis: one notation, no "2e+5" beside "200,000"
        Element speed = dom.select("canvas.chart[aria-label=time.tokens_per_second]").getFirst();
        assertThat(speed.attr("data-y-ticks").split("\\|")).allSatisfy(l -> assertThat(l).matches("0|\\d+(\\.\\d+)?k"));
    }

    @Test
    void aHeadingReachedByALinkLandsBelowTheStickyBar() throws Exception {
        Document dom = loaded(run.resolve("comparison.html"), "curves");
        assertThat(Integer.parseInt(dom.body().attr("data-anchor-top")))
                .isGreaterThanOrEqualTo(Integer.parseInt(dom.body().attr("data-nav-bottom")));
    }

    @Test
    void everyFileLinkResolvesInACopyOfTheRunFolder() throws Exception {
        Path copy = scratch.resolve("elsewhere").resolve("copied-run");
        try (var files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Document comparison = Jsoup.parse(copy.resolve("comparison.html").toFile());
        List<String> links = comparison.select("#files a").eachAttr("href");
        assertThat(links).hasSizeGreaterThan(3 + 9 * 3);
        for (String href : links) {
            assertThat(copy.resolve(java.net.URLDecoder.decode(href, java.nio.charset.StandardCharsets.UTF_8))).as(href).isRegularFile();
        }
        Path runPage = copy.resolve("lstm_s2").resolve("report.html");
        for (String href : Jsoup.parse(runPage.toFile()).select("#files a").eachAttr("href")) {
            assertThat(runPage.getParent().resolve(href).normalize()).as(href).isRegularFile();
        }
    }

    @Test
    void screenshotsForAReader() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path page = shots.resolve("seeds-comparison.png");
        chromium.screenshot(run.resolve("comparison.html"), page, 1400, 6000);
        chromium.screenshot(run.resolve("lstm_s2").resolve("report.html"), shots.resolve("seeds-run.png"), 1400, 4000);
        assertThat(Files.size(page)).isGreaterThan(50_000);
    }
}
