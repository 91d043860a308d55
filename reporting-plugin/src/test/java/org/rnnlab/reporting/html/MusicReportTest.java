package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;

/**
 * A music experiment's pages, rebuilt from its events alone as {@code lab report} does: the real chorales
 * the runs logged, then the last epoch's sampled chorales of each music variant as piano rolls linked to
 * their MIDI files, the parameter count of
 * each variant in the table in full, and a language model's text samples left out of the chorales.
 */
class MusicReportTest {
    static final String EXPERIMENT = "music";
    static final String GRU_EPOCH_2 = "60.64.67 60.64.67 - 62.65.69 59.62.67.74";
    static final String HELLO = "hello hello";
    /** The first steps of test chorales 1 and 2 of jsb-chorales, as a music run logs them. */
    static final List<String> REAL = List.of("72.76.79.84 72.76.79.84 71.74.79.86 73.77.81.88",
            "72.76.79.84 71.74.79 - 67.74.79.83");

    @TempDir
    Path run;

    static List<Event> events(Path run) {
        Map<String, String> gru = Map.of("cell", "gru", "hidden", "42", "dataset", "jsb-chorales");
        Map<String, String> rnn = Map.of("cell", "rnn", "hidden", "80", "dataset", "jsb-chorales", "dataset.steps_per_quarter", "2");
        Map<String, String> lm = Map.of("cell", "gru", "dataset", "hello");
        List<Event> events = new ArrayList<>();
        events.add(new ExperimentStarted(EXPERIMENT, "", run, Map.of("gru_s1", gru, "rnn_s1", rnn, "hello_s1", lm), Map.of()));
        variant(events, run, "gru_s1", gru, List.of(List.of("60 - 60", "72.76"), List.of(GRU_EPOCH_2, "- 48.55")), 20416);
        variant(events, run, "rnn_s1", rnn, List.of(List.of("40.41.42.43"), List.of("36.48 36.48 36.48 -")), 20728);
        variant(events, run, "hello_s1", lm, List.of(List.of("hel"), List.of(HELLO)), 1234);
        events.add(new ExperimentCompleted(EXPERIMENT, run, Map.of("gru_s1", RunStatus.COMPLETED, "rnn_s1", RunStatus.COMPLETED,
                "hello_s1", RunStatus.COMPLETED), 5_000));
        return events;
    }

    private static void variant(List<Event> events, Path run, String name, Map<String, String> settings,
                                List<List<String>> samplesByEpoch, int parameters) {
        if (!name.startsWith("hello")) {
            // published before the run starts, and again by a resumed run
            events.add(new DataExcerpts(EXPERIMENT, name, "test", REAL));
            events.add(new DataExcerpts(EXPERIMENT, name, "test", REAL));
        }
        events.add(new RunStarted(EXPERIMENT, name, settings, 1, run.resolve(name), 2));
        for (int epoch = 1; epoch <= samplesByEpoch.size(); epoch++) {
            events.add(new EpochCompleted(EXPERIMENT, name, epoch, Map.of("train.loss", 10.0 - epoch, "val.loss", 11.0 - epoch),
                    Map.of()));
            events.add(new Samples(EXPERIMENT, name, epoch, samplesByEpoch.get(epoch - 1), 1.0));
        }
        events.add(new RunCompleted(EXPERIMENT, name, RunStatus.COMPLETED,
                Map.of("test.nll_per_step", 8.6, "model.parameters", (double) parameters), Map.of(), 2_000));
    }

    @Test
    void theComparisonShowsEachMusicModelsLastSamplesLinkedToTheirMidiFiles() throws Exception {
        Document page = rebuilt("comparison.html");
        List<Element> figures = page.select("#chorales figure.chorale.sampled");
        // gru: 2 samples of epoch 2, rnn: 1; hello's text is no chorale
        assertThat(figures).hasSize(3);
        assertThat(figures).extracting(f -> f.selectFirst(".chorale-label").text())
                .containsExactly("gru_s1 · sample 1 · epoch 2", "gru_s1 · sample 2 · epoch 2", "rnn_s1 · sample 1 · epoch 2");
        assertThat(figures).extracting(f -> f.selectFirst("a.midi").attr("href"))
                .containsExactly("gru_s1/samples/sample-1.mid", "gru_s1/samples/sample-2.mid", "rnn_s1/samples/sample-1.mid");
        // notes counted from the sample text, held notes once: 60.64.67 held two steps, then 62.65.69 and 59.62.67.74
        assertThat(PianoRoll.parseText(GRU_EPOCH_2, 1).notes()).hasSize(3 + 3 + 4 - 1);
        assertThat(figures.getFirst().attr("data-notes")).isEqualTo("9");
        String data = page.selectFirst("#chorale-data").data();
        // the rnn ran on an eighth-note grid: its chorale plays two steps per quarter note
        assertThat(data).contains("\"stepsPerQuarter\":2");
        assertThat(page.html()).contains("data-chorale-check");
        assertThat(page.select("#samples pre.sample").eachText()).contains(HELLO);
    }

    @Test
    void theRealChoralesTheRunsLoggedAreDrawnOnceBeforeTheSampledOnes() throws Exception {
        Document page = rebuilt("comparison.html");
        assertThat(page.selectFirst("#chorales h2").text()).isEqualTo("Real and sampled chorales");
        List<Element> real = page.select("#chorales figure.chorale.real");
        // gru and rnn logged the same two excerpts, each twice: the page shows each once
        assertThat(real).extracting(f -> f.selectFirst(".chorale-label").text())
                .containsExactly("jsb-chorales · test chorale 1", "jsb-chorales · test chorale 2");
        assertThat(real).extracting(f -> f.attr("data-origin")).containsOnly("real");
        // held notes once: 72.76.79.84 twice (79 held on), then 71.74.86 and 73.77.81.88 new: 4 + 3 + 4;
        // 72.76.79.84, then 71.74 new (79 held on), a rest, 67.74.79.83: 4 + 2 + 4
        assertThat(real).extracting(f -> f.attr("data-notes")).containsExactly("11", "10");
        assertThat(real).allSatisfy(f -> assertThat(f.select("a.midi")).isEmpty());
        List<Element> all = page.select("#chorales figure.chorale");
        assertThat(all.subList(0, 2)).isEqualTo(real);
        assertThat(all).extracting(f -> f.attr("data-index")).containsExactly("0", "1", "2", "3", "4");
        String data = page.selectFirst("#chorale-data").data();
        assertThat(data).startsWith("{\"quartersPerMinute\":90,\"chorales\":[{\"origin\":\"real\",\"steps\":4,"
                + "\"stepsPerQuarter\":1,\"notes\":[[72,0,2],[76,0,2],[79,0,3],[84,0,2],[71,2,1],");

        Document gru = rebuilt("gru_s1/report.html");
        assertThat(gru.select("#chorales figure.chorale.real")).hasSize(2);
        assertThat(rebuilt("hello_s1/report.html").select("#chorales figure.chorale.real")).isEmpty();
    }

    @Test
    void aRunPageLinksItsOwnFilesAndThePlayerIsLeftOutOfPagesWithoutChorales() throws Exception {
        Document gru = rebuilt("gru_s1/report.html");
        assertThat(gru.select("#chorales a.midi").eachAttr("href"))
                .containsExactly("samples/sample-1.mid", "samples/sample-2.mid");
        Document hello = rebuilt("hello_s1/report.html");
        assertThat(hello.select("#chorales")).isEmpty();
        assertThat(hello.select("script#chorale-data")).isEmpty();
        assertThat(hello.html()).doesNotContain("data-chorale-check");
    }

    @Test
    void theTableListsEachVariantsParametersInFull() throws Exception {
        Document page = rebuilt("comparison.html");
        Element gru = page.selectFirst("#run-table td[data-variant=gru_s1][data-metric=model.parameters]");
        Element rnn = page.selectFirst("#run-table td[data-variant=rnn_s1][data-metric=model.parameters]");
        assertThat(gru.text()).isEqualTo("20416");
        assertThat(rnn.text()).isEqualTo("20728");
        // a size is no result: neither is marked best
        assertThat(page.select("#run-table td.best[data-metric=model.parameters]")).isEmpty();
        assertThat(page.select("#run-table th").eachText()).anyMatch(h -> h.startsWith("model.parameters") && h.contains("count"));
    }

    private Document rebuilt(String file) throws Exception {
        ReportContext context = new ReportContext(run, false, EventHistory.of(events(run)));
        assertThat(new HtmlReporterFactory().rebuild(context)).isTrue();
        return Jsoup.parse(Files.readString(run.resolve(file)));
    }
}
