package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.reporting.model.ChoraleRecord;
import org.rnnlab.reporting.model.ChoraleRecord.Note;
import org.rnnlab.reporting.model.ChoraleRecord.Origin;

/**
 * {@link ChoralePage} in headless Chromium: no script errors, every roll painted, and the player schedules
 * on the page's AudioContext exactly one oscillator per note of each chorale (counted here in Java from
 * the records, not from the page's own data).
 */
class ChoralePlayerIT {
    static final String HOSTILE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

    @TempDir
    static Path scratch;
    static Path page;
    static List<ChoraleRecord> chorales;
    static HeadlessChromium chromium;

    @BeforeAll
    static void writePage() throws Exception {
        chorales = List.of(cadence(), sampled(new SplittableRandom(3), 64), silence(), hostile());
        page = scratch.resolve("chorales.html");
        Files.writeString(page, ChoralePage.of("jsb-chorales · gru", "real and sampled chorales", chorales));
        chromium = new HeadlessChromium(Files.createDirectories(scratch.resolve("chromium")));
    }

    @Test
    void playingSchedulesOneOscillatorPerNoteOfEachChorale() throws Exception {
        Document dom = loaded("play-all");
        List<Element> figures = dom.select("figure.chorale");
        assertThat(figures).hasSize(chorales.size());
        int total = 0;
        for (int i = 0; i < chorales.size(); i++) {
            Element figure = figures.get(i);
            int notes = chorales.get(i).notes().size();
            Element button = figure.selectFirst("button.play");
            assertThat(button.attr("data-scheduled-notes")).as("notes scheduled by chorale %d", i).isEqualTo(Integer.toString(notes));
            assertThat(button.attr("data-audio-state")).as("AudioContext of chorale %d", i).isIn("suspended", "running");
            total += notes;
        }
        // the cadence: 4 voices x 4 chords, minus the 3 notes held over the next chord; the sample; none; one
        assertThat(chorales.getFirst().notes()).hasSize(13);
        assertThat(total).isGreaterThan(60);
    }

    @Test
    void everyRollIsPaintedAndNothingPlaysUntilAsked() throws Exception {
        Document dom = loaded(null);
        for (Element figure : dom.select("figure.chorale")) {
            int notes = Integer.parseInt(figure.attr("data-notes"));
            int painted = Integer.parseInt(figure.selectFirst("canvas.piano-roll").attr("data-painted-pixels"));
            // every C band and bar line paints too, so even the silent roll has pixels; notes add at least 2 x 2 each
            assertThat(painted).as("pixels of %s", figure.text()).isGreaterThan(notes * 4);
            assertThat(figure.selectFirst("button.play").hasAttr("data-scheduled-notes")).isFalse();
        }
        int silent = Integer.parseInt(dom.select("figure.chorale").get(2).selectFirst("canvas").attr("data-painted-pixels"));
        int cadence = Integer.parseInt(dom.select("figure.chorale").get(0).selectFirst("canvas").attr("data-painted-pixels"));
        assertThat(cadence).isGreaterThan(silent + 13 * 4);
        assertThat(dom.body().hasAttr("data-pwned")).isFalse();
        assertThat(dom.select("span.chorale-label").eachText()).contains(HOSTILE);
    }

    @Test
    void thePageFetchesNothing() throws Exception {
        Document file = Jsoup.parse(Files.readString(page));
        assertThat(file.select("[src], link[href], audio, video, iframe, object, embed")).isEmpty();
        assertThat(Files.readString(page)).doesNotContain("fetch(", "XMLHttpRequest", "http://", "https://");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        chromium.screenshot(page, shots.resolve("chorales.png"), 1400, 1100);
        assertThat(Files.size(shots.resolve("chorales.png"))).isGreaterThan(20_000);
    }

    private static Document loaded(String fragment) throws Exception {
        HeadlessChromium.Result result = fragment == null ? chromium.dumpDom(page) : chromium.dumpDom(page, fragment);
        Document dom = Jsoup.parse(result.stdout());
        assertThat(dom.body().attr("data-chorale-check")).as("player check; stderr:\n" + result.stderr()).isEqualTo("done");
        assertThat(dom.select("#chorale-errors li").eachText()).as("script errors").isEmpty();
        assertThat(dom.body().attr("data-chorale-errors")).isEqualTo("0");
        assertThat(result.stderr()).as("browser log").doesNotContain("Uncaught");
        return dom;
    }

    /** I-IV-V-I in C in four voices; the bass C is held over the first two chords. */
    private static ChoraleRecord cadence() {
        int[][] chords = {{48, 64, 67, 72}, {48, 65, 69, 72}, {43, 62, 67, 71}, {36, 64, 67, 72}};
        List<Note> notes = new ArrayList<>();
        for (int t = 0; t < chords.length; t++) {
            for (int voice = 0; voice < 4; voice++) {
                int pitch = chords[t][voice];
                if (t > 0 && chords[t - 1][voice] == pitch) {
                    continue;
                }
                int length = 1;
                while (t + length < chords.length && chords[t + length][voice] == pitch) {
                    length++;
                }
                notes.add(new Note(pitch, t * 2, length * 2));
            }
        }
        return new ChoraleRecord("cadence in C", Origin.REAL, 8, 1, notes);
    }

    private static ChoraleRecord sampled(SplittableRandom r, int steps) {
        List<Note> notes = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < 3; k++) {
                if (r.nextDouble() < 0.4) {
                    notes.add(new Note(r.nextInt(48, 84), t, Math.min(steps - t, 1 + r.nextInt(3))));
                }
            }
        }
        return new ChoraleRecord("gru sample 1", Origin.SAMPLED, steps, 1, notes);
    }

    private static ChoraleRecord silence() {
        return new ChoraleRecord("a sample of rests", Origin.SAMPLED, 16, 1, List.of());
    }

    private static ChoraleRecord hostile() {
        return new ChoraleRecord(HOSTILE, Origin.REAL, 4, 2, List.of(new Note(60, 0, 4)));
    }
}
