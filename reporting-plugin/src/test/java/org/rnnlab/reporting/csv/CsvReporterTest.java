package org.rnnlab.reporting.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.RunDirectory;
import org.rnnlab.reporting.model.VariantStatus;

class CsvReporterTest {
    @TempDir
    static Path run;
    static List<Event> events;

    @BeforeAll
    static void replay() throws Exception {
        events = SyntheticExperiment.events(run);
        SyntheticExperiment.replay(events, new CsvReporterFactory().create(new ReportContext(run, false)));
    }

    @Test
    void metricsCsvHasOneRowPerEpochWithMetricsThenTimings() throws Exception {
        try (CSVParser p = parse(run.resolve("sentiment-lstm-word-s1/metrics.csv"))) {
            assertThat(p.getHeaderNames()).containsExactly("epoch", "train.loss", "val.accuracy", "val.loss",
                    "time.epoch_seconds", "time.tokens_per_second");
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(SyntheticExperiment.EPOCHS);
            assertThat(rows.stream().map(r -> r.get("epoch")).toList()).containsExactly("1", "2", "3", "4", "5", "6");
        }
        try (CSVParser p = parse(run.resolve(SyntheticExperiment.DIVERGED + "/metrics.csv"))) {
            assertThat(p.getRecords()).as("epochs before the divergence").hasSize(2);
        }
    }

    @Test
    void gradientsCsvHoldsGlobalAndParameterNormsAndTheFlowPerStep() throws Exception {
        try (CSVParser p = parse(run.resolve("shakespeare-gru-char-s1/gradients.csv"))) {
            List<String> header = p.getHeaderNames();
            assertThat(header.subList(0, 7)).containsExactly("epoch", "grad.norm.global", "grad.norm.bias_hh_l0",
                    "grad.norm.bias_ih_l0", "grad.norm.head.weight", "grad.norm.weight_hh_l0", "grad.norm.weight_ih_l0");
            assertThat(header.subList(7, header.size())).hasSize(SyntheticExperiment.STEPS_BACK).first().isEqualTo("grad.flow.0");
            assertThat(p.getRecords()).hasSize(SyntheticExperiment.EPOCHS);
        }
    }

    @Test
    void summaryCsvHasOneRowPerVariantWithSettingsStatusFinalAndBest() throws Exception {
        try (CSVParser p = parse(run.resolve("summary.csv"))) {
            assertThat(p.getHeaderNames()).startsWith(CsvLayout.SUMMARY_FIXED)
                    .contains("setting.cell", "setting.optimizer.lr", "final.val.loss", "best.val.accuracy");
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(SyntheticExperiment.specs().size());
            CSVRecord diverged = rows.stream().filter(r -> r.get("variant").equals(SyntheticExperiment.DIVERGED)).findFirst().orElseThrow();
            assertThat(diverged.get("status")).isEqualTo("DIVERGED");
            assertThat(diverged.get("ended_epoch")).isEqualTo("3");
            assertThat(diverged.get("note")).startsWith("loss became NaN");
            assertThat(diverged.get("seed")).isEqualTo("2");
        }
    }

    @Test
    void evaluationsAndSamplesAreKeptForRebuilding() throws Exception {
        try (CSVParser p = parse(run.resolve("sentiment-rnn-word-s1/evaluations.csv"))) {
            assertThat(p.getHeaderNames()).containsExactly(CsvLayout.EVALUATION_COLUMNS);
            assertThat(p.getRecords()).hasSize(SyntheticExperiment.EPOCHS * 9);
        }
        try (CSVParser p = parse(run.resolve("shakespeare-lstm-char-s1/samples.csv"))) {
            assertThat(p.getHeaderNames()).containsExactly(CsvLayout.SAMPLE_COLUMNS);
            assertThat(p.getRecords()).hasSize(SyntheticExperiment.EPOCHS * 2).allMatch(r -> r.get("text").contains("\n"));
        }
    }

    @Test
    void readingTheFilesBackGivesWhatTheEventsSaid() throws Exception {
        ExperimentRecorder recorder = new ExperimentRecorder();
        events.forEach(recorder::record);
        ExperimentRecord fromEvents = recorder.snapshot();
        ExperimentRecord fromFiles = new CsvRunReader(new RunDirectory(run)).read();
        assertThat(fromFiles).isEqualTo(fromEvents);
        assertThat(fromFiles.variant(SyntheticExperiment.DIVERGED).orElseThrow().status()).isEqualTo(VariantStatus.DIVERGED);
    }

    @Test
    void aStoppedExperimentReadsBackWithItsUnfinishedRunRunningAndTheOthersNotStarted() throws Exception {
        Path stopped = run.resolve("stopped");
        // everything up to the middle of the third variant's run
        int cut = 0;
        int runsStarted = 0;
        for (; cut < events.size() && runsStarted < 3; cut++) {
            if (events.get(cut) instanceof org.rnnlab.api.event.RunStarted) {
                runsStarted++;
            }
        }
        List<Event> prefix = SyntheticExperiment.events(stopped).subList(0, cut + 20);
        SyntheticExperiment.replay(prefix, new CsvReporterFactory().create(new ReportContext(stopped, false)));
        ExperimentRecord record = new CsvRunReader(new RunDirectory(stopped)).read();
        assertThat(record.wallMillis()).isEqualTo(-1);
        assertThat(record.variants()).hasSize(SyntheticExperiment.specs().size());
        java.util.Set<String> started = prefix.stream().filter(e -> e instanceof org.rnnlab.api.event.RunStarted)
                .map(e -> ((org.rnnlab.api.event.RunStarted) e).variant()).collect(java.util.stream.Collectors.toSet());
        assertThat(started).hasSizeGreaterThanOrEqualTo(3);
        // the third run is cut in its middle; the first two ended
        assertThat(record.variants().stream().filter(v -> v.status() == VariantStatus.RUNNING).count()).isEqualTo(1);
        assertThat(record.variant("sentiment-rnn-word-s1").orElseThrow().epochs()).isNotEmpty();
        // the variants whose run never started are NOT_STARTED, with an empty seed in summary.csv (not RUNNING, seed 0)
        List<String> notStarted = record.variants().stream().filter(v -> v.status() == VariantStatus.NOT_STARTED)
                .map(org.rnnlab.reporting.model.VariantRecord::name).toList();
        assertThat(notStarted).hasSize(SyntheticExperiment.specs().size() - started.size()).doesNotContainAnyElementsOf(started);
        try (CSVParser p = parse(stopped.resolve("summary.csv"))) {
            for (CSVRecord r : p.getRecords()) {
                if (started.contains(r.get("variant"))) {
                    assertThat(r.get("status")).isNotEqualTo("NOT_STARTED");
                    assertThat(r.get("seed")).isNotEmpty();
                } else {
                    assertThat(r.get("status")).as(r.get("variant")).isEqualTo("NOT_STARTED");
                    assertThat(r.get("seed")).as(r.get("variant")).isEmpty();
                    assertThat(stopped.resolve(r.get("variant"))).doesNotExist();
                }
            }
        }
        // and the live files say what the events say
        ExperimentRecorder recorder = new ExperimentRecorder();
        prefix.forEach(recorder::record);
        assertThat(record.variants()).isEqualTo(recorder.snapshot().variants());
    }

    private static CSVParser parse(Path file) throws Exception {
        Reader in = Files.newBufferedReader(file);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
    }
}
