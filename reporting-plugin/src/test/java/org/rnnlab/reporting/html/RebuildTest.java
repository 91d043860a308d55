package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.csv.CsvReporterFactory;

/**
 * {@code lab report RUN_DIR}: the files rebuilt from a run's events are, byte for byte, the files the
 * reporters wrote while the events came in; neither reporter reads the other's files.
 */
class RebuildTest {
    @TempDir
    Path tmp;

    @Test
    void rebuiltPagesAndCsvFilesEqualTheFilesWrittenDuringTheRun() throws Exception {
        for (String name : new String[] {"plain", "hostile"}) {
            Path live = tmp.resolve(name + "-live");
            Path rebuilt = tmp.resolve(name + "-rebuilt");
            List<Event> events = name.equals("plain") ? SyntheticExperiment.events(live) : SyntheticExperiment.hostile(live);
            SyntheticExperiment.replay(events, new CsvReporterFactory().create(new ReportContext(live, false)),
                    new HtmlReporterFactory().create(new ReportContext(live, false)));
            List<Event> copy = name.equals("plain") ? SyntheticExperiment.events(rebuilt) : SyntheticExperiment.hostile(rebuilt);
            ReportContext context = new ReportContext(rebuilt, false, EventHistory.of(copy));

            assertThat(new HtmlReporterFactory().rebuild(context)).isTrue();
            assertThat(new CsvReporterFactory().rebuild(context)).isTrue();

            List<Path> files = files(live);
            assertThat(files).contains(Path.of("comparison.html"), Path.of("summary.csv"));
            assertThat(files.stream().filter(f -> f.endsWith("report.html")).count())
                    .isEqualTo(events.stream().filter(e -> e instanceof RunStarted).count());
            assertThat(files(rebuilt)).isEqualTo(files);
            for (Path f : files) {
                assertThat(Files.readString(rebuilt.resolve(f))).as(name + ": " + f).isEqualTo(Files.readString(live.resolve(f)));
            }
        }
    }

    @Test
    void aStoppedRunRebuildsTheCsvFilesItLeftAndEveryPage() throws Exception {
        Path live = tmp.resolve("live");
        Path rebuilt = tmp.resolve("rebuilt");
        List<Event> events = SyntheticExperiment.events(live);
        int cut = stopInThirdRun(events);
        SyntheticExperiment.replay(events.subList(0, cut), new CsvReporterFactory().create(new ReportContext(live, false)));
        ReportContext context = new ReportContext(rebuilt, false,
                EventHistory.of(SyntheticExperiment.events(rebuilt).subList(0, cut)));

        assertThat(new CsvReporterFactory().rebuild(context)).isTrue();
        assertThat(new HtmlReporterFactory().rebuild(context)).isTrue();

        List<Path> csv = files(live);
        assertThat(files(rebuilt).stream().filter(f -> f.toString().endsWith(".csv")).toList()).isEqualTo(csv);
        for (Path f : csv) {
            assertThat(Files.readString(rebuilt.resolve(f))).as(f.toString()).isEqualTo(Files.readString(live.resolve(f)));
        }
        // every variant gets a page, the unfinished ones marked running
        assertThat(rebuilt.resolve("comparison.html")).exists();
        for (var spec : SyntheticExperiment.specs()) {
            assertThat(rebuilt.resolve(spec.name()).resolve("report.html")).exists();
        }
        assertThat(Files.readString(rebuilt.resolve("comparison.html"))).contains("running");
    }

    @Test
    void anEmptyHistoryHasNothingToRebuild() throws Exception {
        ReportContext nothing = new ReportContext(tmp, false, EventHistory.NONE);
        assertThat(new HtmlReporterFactory().rebuild(nothing)).isFalse();
        assertThat(new CsvReporterFactory().rebuild(nothing)).isFalse();
        assertThat(files(tmp)).isEmpty();
    }

    /** The index of an event in the middle of the third run: the runs before it ended, it did not. */
    static int stopInThirdRun(List<Event> events) {
        int runsStarted = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunStarted && ++runsStarted == 3) {
                return i + 20;
            }
        }
        throw new IllegalStateException("fewer than three runs");
    }

    static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
