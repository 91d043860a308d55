package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.csv.CsvReporterFactory;

/** Names, settings, labels, samples, lesson text and error messages that look like markup stay text. */
class ReportEscapingTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void writeReports() throws Exception {
        run = tmp.resolve("hostile");
        SyntheticExperiment.replay(SyntheticExperiment.hostile(run), new CsvReporterFactory().create(new ReportContext(run, false)),
                new HtmlReporterFactory().create(new ReportContext(run, false)));
    }

    static List<Path> pages() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(run.resolve("comparison.html")));
        try (var dirs = Files.list(run)) {
            dirs.filter(Files::isDirectory).map(d -> d.resolve("report.html")).filter(Files::exists).forEach(pages::add);
        }
        assertThat(pages).hasSize(5);
        return pages;
    }

    @Test
    void noPageGainsElementsScriptsOrEventHandlersFromTheData() throws Exception {
        for (Path page : pages()) {
            Document doc = Jsoup.parse(page.toFile());
            // the page's own four: error capture, data, Chart.js, page script
            assertThat(doc.select("script")).as(page.toString()).hasSize(4);
            assertThat(doc.select("script[src]")).isEmpty();
            assertThat(doc.select("img, svg, b, textarea, iframe, object")).as(page.toString()).isEmpty();
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as("attribute of <" + e.tagName() + "> in " + page).doesNotStartWith("on");
                }
            }
            String data = doc.getElementById("report-data").data();
            assertThat(data).doesNotContain("<", ">");
            assertThat(doc.select("script").last().data()).contains("Draws a report's charts");
        }
    }

    @Test
    void hostileTextAppearsAsText() throws Exception {
        Document doc = Jsoup.parse(run.resolve("comparison.html").toFile());
        List<String> rowNames = doc.select("#run-table tbody th[scope=row]").eachText();
        assertThat(rowNames).contains(SyntheticExperiment.SCRIPT_NAME, SyntheticExperiment.IMG_NAME, SyntheticExperiment.QUOTE_NAME);
        assertThat(doc.select("#run-table tbody tr").eachAttr("data-variant")).contains(SyntheticExperiment.QUOTE_NAME);
        assertThat(doc.select("pre.sample").eachText()).anySatisfy(t -> assertThat(t).startsWith(SyntheticExperiment.SAMPLE));
        assertThat(doc.select("section#lesson").text()).contains(SyntheticExperiment.CLOSING_SCRIPT);
        assertThat(doc.select("section#not-finished .message").eachText()).contains(SyntheticExperiment.FAILURE);
        assertThat(doc.select("table.confusion thead th").eachText()).contains("<b>neg</b>", SyntheticExperiment.CLOSING_SCRIPT);
        assertThat(doc.select("table.settings td").eachText()).contains(SyntheticExperiment.CLOSING_SCRIPT);
        assertThat(doc.title()).isEqualTo(SyntheticExperiment.NAME + " · comparison");

        Document runPage = Jsoup.parse(run.resolve(SyntheticExperiment.IMG_NAME).resolve("report.html").toFile());
        assertThat(runPage.selectFirst("h1").text()).isEqualTo(SyntheticExperiment.IMG_NAME);
        assertThat(runPage.title()).startsWith(SyntheticExperiment.IMG_NAME);
    }

    @Test
    void linksToRunPagesAreEncodedPaths() throws Exception {
        Document doc = Jsoup.parse(run.resolve("comparison.html").toFile());
        for (Element a : doc.select("#run-table a")) {
            String href = a.attr("href");
            assertThat(href).endsWith("/report.html").doesNotContain("<", ">", "\"", "'", " ", "..");
            String folder = java.net.URLDecoder.decode(href.substring(0, href.length() - "/report.html".length()),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(run.resolve(folder).resolve("report.html")).exists();
        }
    }
}
