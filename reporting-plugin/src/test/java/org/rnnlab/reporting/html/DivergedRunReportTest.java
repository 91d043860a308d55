package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.ExperimentRecorder;

/** One variant diverges: it is shown as diverged, and left out of the mean over seeds, saying so. */
class DivergedRunReportTest {
    @TempDir
    static Path run;
    static Document doc;
    static ExperimentRecord record;

    @BeforeAll
    static void writeReport() throws Exception {
        var events = SyntheticExperiment.events(run);
        SyntheticExperiment.replay(events, new HtmlReporterFactory().create(new ReportContext(run, false)));
        ExperimentRecorder recorder = new ExperimentRecorder();
        events.forEach(recorder::record);
        record = recorder.snapshot();
        doc = Jsoup.parse(run.resolve("comparison.html").toFile());
    }

    @Test
    void theDivergedRunIsMarkedDivergedWhereItIsListed() {
        Element row = doc.selectFirst("#run-table tr[data-variant=" + SyntheticExperiment.DIVERGED + "]");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("diverged");
        assertThat(row.select("td[data-metric]")).isNotEmpty().allSatisfy(td -> assertThat(td.hasClass("not-in-mean")).isTrue());
        Element notice = doc.selectFirst("#not-finished li[data-variant=" + SyntheticExperiment.DIVERGED + "]");
        assertThat(notice.text()).contains("diverged at epoch 3, step 13: loss became NaN");
        assertThat(doc.selectFirst("#not-finished").text()).contains("left out of the means over seeds");
        assertThat(doc.select(".confusion-box[data-variant=" + SyntheticExperiment.DIVERGED + "] .badge").text()).isEqualTo("diverged");
    }

    @Test
    void theMeanOfItsGroupIsTheOtherSeedAloneAndSaysWhy() {
        Element group = doc.select("#mean-table tbody tr").stream()
                .filter(tr -> tr.attr("data-group").startsWith("cell=rnn")).findFirst().orElseThrow();
        assertThat(group.selectFirst("td.count").text()).startsWith("1 of 2")
                .contains("left out: " + SyntheticExperiment.DIVERGED + " (diverged)");
        double completedSeed = record.variant("sentiment-rnn-word-s1").orElseThrow().finalMetrics().get("val.accuracy");
        Element cell = group.selectFirst("td[data-metric=val.accuracy]");
        assertThat(Double.parseDouble(cell.attr("data-mean"))).isEqualTo(completedSeed);
        assertThat(cell.attr("data-n")).isEqualTo("1");
        assertThat(cell.text()).isEqualTo(Numbers.format(completedSeed)).doesNotContain("±");
        assertThat(doc.selectFirst("#metrics p.explain").text())
                .contains("Left out of the means: " + SyntheticExperiment.DIVERGED + " (diverged)");
    }

    @Test
    void theRunPageOfTheDivergedVariantSaysItDiverged() throws Exception {
        Document page = Jsoup.parse(run.resolve(SyntheticExperiment.DIVERGED).resolve("report.html").toFile());
        assertThat(page.selectFirst("header .badge").text()).isEqualTo("diverged");
        assertThat(page.selectFirst("#not-finished").text()).contains("diverged at epoch 3", "do not describe a trained model");
    }
}
