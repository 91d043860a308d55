package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;

/**
 * The comparison page of a music experiment ({@link MusicReportTest#events}), rebuilt from its events, in
 * headless Chromium: the page's own script and the chorale player run side by side without an error, every
 * roll is painted, and playing schedules on the AudioContext one oscillator per note of each real and sampled
 * chorale, counted here from the events' texts.
 */
class MusicReportIT {
    @TempDir
    static Path scratch;
    static Path page;
    static List<Integer> expectedNotes = new ArrayList<>();
    static HeadlessChromium chromium;

    @BeforeAll
    static void writeReport() throws Exception {
        Path run = scratch.resolve("music-run");
        List<Event> events = MusicReportTest.events(run);
        assertThat(new HtmlReporterFactory().rebuild(new ReportContext(run, false, EventHistory.of(events)))).isTrue();
        page = run.resolve("comparison.html");
        // the real chorales come first, each once, then each music variant's last samples
        MusicReportTest.REAL.forEach(text -> expectedNotes.add(PianoRoll.parseText(text, 1).notes().size()));
        for (String variant : List.of("gru_s1", "rnn_s1")) {
            Samples last = events.stream().filter(e -> e instanceof Samples s && s.variant().equals(variant))
                    .map(Samples.class::cast).reduce((a, b) -> b).orElseThrow();
            last.samples().forEach(text -> expectedNotes.add(PianoRoll.parseText(text, 1).notes().size()));
        }
        chromium = new HeadlessChromium(Files.createDirectories(scratch.resolve("chromium")));
    }

    @Test
    void playingTheComparisonsChoralesSchedulesEachNoteWithoutAnError() throws Exception {
        HeadlessChromium.Result result = chromium.dumpDom(page, "play-all");
        Document dom = Jsoup.parse(result.stdout());
        assertThat(dom.body().attr("data-selfcheck")).as("report self-check; stderr:\n" + result.stderr()).isEqualTo("done");
        assertThat(dom.body().attr("data-chorale-check")).as("player check").isEqualTo("done");
        assertThat(dom.select("#script-errors li").eachText()).as("script errors").isEmpty();
        assertThat(dom.select("#chorale-errors li").eachText()).as("player errors").isEmpty();
        assertThat(result.stderr()).as("browser log").doesNotContain("Uncaught");

        List<Element> figures = dom.select("#chorales figure.chorale");
        assertThat(figures).hasSize(expectedNotes.size());
        for (int i = 0; i < figures.size(); i++) {
            Element figure = figures.get(i);
            assertThat(figure.selectFirst("button.play").attr("data-scheduled-notes")).as("notes scheduled by %s",
                    figure.selectFirst(".chorale-label").text()).isEqualTo(Integer.toString(expectedNotes.get(i)));
            assertThat(Integer.parseInt(figure.selectFirst("canvas.piano-roll").attr("data-painted-pixels")))
                    .isGreaterThan(expectedNotes.get(i) * 4);
        }
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        chromium.screenshot(page, shots.resolve("music-comparison.png"), 1400, 2400);
    }
}
