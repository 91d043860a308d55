package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.SeededExperiment;
import org.rnnlab.reporting.model.ConfusionRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.seeds.BootstrapInterval;
import org.rnnlab.reporting.seeds.SeedBand;

/** The comparison page of a run over three seeds, read from its HTML and its embedded chart data. */
class SeedReportTest {
    static final Path RUN = Path.of("runs", SeededExperiment.NAME, "20261202-020000").toAbsolutePath();

    static ExperimentRecord record() {
        ExperimentRecorder recorder = new ExperimentRecorder();
        SeededExperiment.events(RUN).forEach(recorder::record);
        return recorder.snapshot();
    }

    static Document page() {
        return Jsoup.parse(ReportPage.comparison(record()));
    }

    static JsonNode chart(Document page, String id) throws Exception {
        JsonNode data = new ObjectMapper().readTree(page.getElementById("report-data").data());
        for (JsonNode c : data.get("charts")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    private static double[] accuracies(String cell) {
        double[] xs = new double[SeededExperiment.SEEDS];
        for (int s = 1; s <= SeededExperiment.SEEDS; s++) {
            xs[s - 1] = SeededExperiment.testAccuracy(cell, s);
        }
        return xs;
    }

    @Test
    void theClaimsPairsAreComparedWithTheirBootstrapIntervalAndCloseOnesAreNotDistinguishable() {
        Element table = page().getElementById("seed-comparisons");
        List<Element> rows = table.select("tbody tr");

        assertThat(rows).extracting(r -> r.attr("data-first") + ">" + r.attr("data-second")).containsExactly("gru>lstm", "lstm>rnn");
        BootstrapInterval close = BootstrapInterval.differenceOfMeans(accuracies("gru"), accuracies("lstm")).orElseThrow();
        assertThat(Double.parseDouble(rows.get(0).attr("data-low"))).isEqualTo(close.low());
        assertThat(Double.parseDouble(rows.get(0).attr("data-high"))).isEqualTo(close.high());
        assertThat(close.holdsZero()).isTrue();
        assertThat(rows.get(0).select("td.verdict").text()).isEqualTo("not distinguishable");
        assertThat(rows.get(0).attr("data-metric")).isEqualTo("test.accuracy");
        assertThat(rows.get(1).select("td.verdict").text()).isEqualTo("lstm better");
        assertThat(rows.get(1).attr("data-distinguishable")).isEqualTo("true");
        assertThat(rows.get(1).select("svg.interval-bar")).hasSize(1);
        assertThat(rows.get(1).select("th .unit").text()).startsWith("claim: test.accuracy");
    }

    @Test
    void withoutClaimsNeighbouringSettingsAreComparedOnTheTestTwinOfTheMetricThatChoseTheBestEpoch() {
        ExperimentRecord e = record();
        ExperimentRecord noClaims = new ExperimentRecord(e.name(), e.description(), e.provenance(), e.variants(), e.wallMillis());

        List<SeedComparison> pairs = SeedComparison.of(noClaims);

        assertThat(pairs).extracting(p -> p.first() + ">" + p.second()).containsExactly("gru>lstm", "lstm>rnn");
        assertThat(pairs).allSatisfy(p -> assertThat(p.measure()).isEqualTo("test.accuracy"));
        assertThat(pairs.getFirst().source()).isEqualTo("neighbouring settings");
    }

    @Test
    void neighbouringSettingsOnDifferentDatasetsAreNotCompared() {
        ExperimentRecord e = record();
        List<VariantRecord> moved = e.variants().stream().map(v -> {
            if (!v.name().startsWith("rnn")) {
                return v;
            }
            Map<String, String> settings = new java.util.TreeMap<>(v.settings());
            settings.put("dataset", "another");
            return new VariantRecord(v.name(), settings, v.seed(), v.epochsPlanned(), v.status(), v.epochs(), v.gradients(),
                    v.evaluations(), v.samples(), v.attention(), v.finalMetrics(), v.bestMetrics(), v.wallMillis(), v.note(),
                    v.endedEpoch(), v.endedStep(), v.best(), v.excerpts(), v.embedding());
        }).toList();

        List<SeedComparison> pairs = SeedComparison.of(
                new ExperimentRecord(e.name(), e.description(), e.provenance(), moved, e.wallMillis()));

        // rnn is now on another dataset: lstm and rnn are neighbours in the list but not comparable
        assertThat(pairs).extracting(p -> p.first() + ">" + p.second()).containsExactly("gru>lstm");
    }

    @Test
    void oneSeedPerSettingGivesNoIntervalAndSaysSo() {
        ExperimentRecord e = record();
        List<VariantRecord> firstSeeds = e.variants().stream().filter(v -> v.seed() == 1).toList();
        ExperimentRecord single = new ExperimentRecord(e.name(), "", e.provenance(), firstSeeds, 1, e.claims());

        Element row = Jsoup.parse(ReportPage.comparison(single)).select("#seed-comparisons tbody tr").getFirst();

        assertThat(row.attr("data-distinguishable")).isEqualTo("unknown");
        assertThat(row.select("td.verdict").text()).isEqualTo("one seed: no interval");
    }

    @Test
    void trainingAndValidationLossShareAChartWithAMeanAndBandPerSettingAndBestEpochMarkers() throws Exception {
        Document page = page();
        JsonNode loss = chart(page, "curve-0");
        assertThat(loss.get("title").asText()).isEqualTo("loss: training and validation");
        List<String> kinds = new ArrayList<>();
        loss.get("series").forEach(s -> kinds.add(s.get("kind").asText() + (s.get("training").asBoolean() ? "/train" : "")));
        // per metric: 3 means then 9 runs
        assertThat(kinds.stream().filter(k -> k.equals("mean/train"))).hasSize(3);
        assertThat(kinds.stream().filter(k -> k.equals("mean"))).hasSize(3);
        assertThat(kinds.stream().filter(k -> k.equals("run"))).hasSize(9);
        assertThat(kinds.stream().filter(k -> k.equals("run/train"))).hasSize(9);

        JsonNode gruValidation = null;
        for (JsonNode s : loss.get("series")) {
            if (s.get("kind").asText().equals("mean") && !s.get("training").asBoolean() && s.get("label").asText().startsWith("gru")) {
                gruValidation = s;
            }
        }
        assertThat(gruValidation.get("label").asText()).isEqualTo("gru · validation · mean of 3 seeds, band min–max");
        List<VariantRecord> gru = record().variants().stream().filter(v -> v.name().startsWith("gru")).toList();
        SeedBand band = SeedBand.of(gru, e -> Optional.ofNullable(e.metrics().get("val.loss")));
        JsonNode epoch4 = gruValidation.get("frames").get(0).get(3);
        assertThat(epoch4.get(0).asDouble()).isEqualTo(4);
        assertThat(epoch4.get(1).asDouble()).isEqualTo(band.points().get(3).mean());
        assertThat(epoch4.get(2).asDouble()).isEqualTo(band.points().get(3).low());
        assertThat(epoch4.get(3).asDouble()).isEqualTo(band.points().get(3).high());

        // the stars sit on the chart of the metric that chose the best epoch
        JsonNode accuracy = chart(page, "curve-1");
        assertThat(accuracy.get("title").asText()).isEqualTo("val.accuracy");
        List<JsonNode> stars = new ArrayList<>();
        accuracy.get("series").forEach(s -> {
            if (s.get("kind").asText().equals("best")) {
                stars.add(s);
            }
        });
        assertThat(stars).hasSize(9);
        VariantRecord lstm2 = record().variant("lstm_s2").orElseThrow();
        JsonNode star = stars.stream().filter(s -> s.get("variant").asText().equals("lstm_s2")).findFirst().orElseThrow();
        assertThat(star.get("frames").get(0).get(0).get(0).asInt()).isEqualTo(lstm2.best().epoch());
        assertThat(star.get("frames").get(0).get(0).get(1).asDouble()).isEqualTo(lstm2.best().value());
        assertThat(page.select("#smoothing")).hasSize(1);
        // the band's lows keep the chart positive, so the reader may still switch it to a log axis
        assertThat(page.select("input.log-toggle[data-chart=curve-0]")).hasSize(1);
        assertThat(page.select("#seed-view option")).extracting(Element::val).containsExactly("mean", "runs");
    }

    @Test
    void theLearningRateOfEveryEpochIsCharted() throws Exception {
        JsonNode lr = chart(page(), "learning-rate");

        JsonNode points = lr.get("series").get(0).get("frames").get(0);
        assertThat(points).hasSize(SeededExperiment.EPOCHS);
        for (int epoch = 1; epoch <= SeededExperiment.EPOCHS; epoch++) {
            assertThat(points.get(epoch - 1).get(1).asDouble()).isEqualTo(SeededExperiment.learningRate(epoch));
        }
    }

    @Test
    void aGradientOfExactlyZeroStaysInTheDataForThePageToMarkAsUnderflow() throws Exception {
        JsonNode flow = chart(page(), "flow-0");
        assertThat(flow.get("logY").asBoolean()).isTrue();
        JsonNode rnn = null;
        for (JsonNode s : flow.get("series")) {
            if (s.get("variant").asText().equals("rnn_s1")) {
                rnn = s;
            }
        }
        JsonNode lastFrame = rnn.get("frames").get(rnn.get("frames").size() - 1);
        assertThat(lastFrame.get(15).get(1).isNumber()).isTrue();
        assertThat(lastFrame.get(15).get(1).asDouble()).isZero();
    }

    @Test
    void everyEpochsMatrixHasItsOwnPrecisionAndRecallBesideIt() {
        Element box = page().selectFirst(".confusion-box[data-variant=rnn_s3]");
        List<Element> steps = box.select(".confusion-step");
        assertThat(steps).hasSize(SeededExperiment.EPOCHS);
        assertThat(steps.subList(0, SeededExperiment.EPOCHS - 1)).allSatisfy(s -> assertThat(s.hasAttr("hidden")).isTrue());

        ConfusionRecord third = record().variant("rnn_s3").orElseThrow().evaluations().get(2);
        Element figures = steps.get(2).selectFirst("table.label-figures");
        assertThat(figures.selectFirst("caption").text()).isEqualTo("per label, epoch 3, validation split");
        long tp = third.counts().get(1).get(1);
        double precision = (double) tp / (tp + third.counts().get(0).get(1));
        double recall = (double) tp / (tp + third.counts().get(1).get(0));
        Element positive = figures.select("tbody tr").get(1);
        assertThat(positive.child(1).text()).isEqualTo(Numbers.format(precision));
        assertThat(positive.child(2).text()).isEqualTo(Numbers.format(recall));
        assertThat(steps.get(2).child(0).hasClass("confusion")).isTrue();
    }

    @Test
    void theCsvFilesAreLinkedRelativelyFromBothPages() {
        List<String> links = page().select("#files a").eachAttr("href");
        assertThat(links).contains("summary.csv", "experiment.csv", "events.jsonl", "gru_s1/metrics.csv", "gru_s1/gradients.csv",
                "gru_s1/evaluations.csv", "gru_s1/report.html");
        assertThat(links).allSatisfy(href -> assertThat(href).doesNotStartWith("/").doesNotContain(":"));

        ExperimentRecord e = record();
        List<String> fromRun = Jsoup.parse(ReportPage.run(e, e.variant("rnn_s2").orElseThrow())).select("#files a").eachAttr("href");
        assertThat(fromRun).containsExactly("metrics.csv", "gradients.csv", "evaluations.csv", "../summary.csv", "../events.jsonl");
    }

    @Test
    void theSamePageComesOutByteForByte() {
        assertThat(ReportPage.comparison(record())).isEqualTo(ReportPage.comparison(record()));
    }
}
