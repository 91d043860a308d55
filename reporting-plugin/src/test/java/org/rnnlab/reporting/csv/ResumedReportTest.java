package org.rnnlab.reporting.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.html.HtmlReporterFactory;

/**
 * A run stopped half-way and resumed ({@code lab run --resume}) is reported by two reporters, one per
 * process: the second starts from the events the first process logged (its history), so the CSV files
 * and pages end as one reporter makes them.
 */
class ResumedReportTest {

    @Test
    void aReporterGivenTheFirstHalfAsHistoryEndsWithTheSameFilesAsOneReporter(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        Files.createDirectories(whole);
        Files.createDirectories(split);
        SyntheticExperiment.replay(SyntheticExperiment.events(whole),
                new CsvReporterFactory().create(new ReportContext(whole, false)),
                new HtmlReporterFactory().create(new ReportContext(whole, false)));

        List<Event> events = SyntheticExperiment.events(split);
        int half = events.size() / 2;
        SyntheticExperiment.replay(events.subList(0, half), new CsvReporterFactory().create(new ReportContext(split, false)),
                new HtmlReporterFactory().create(new ReportContext(split, false)));
        // the second process: everything the first published is its history
        ReportContext resumed = new ReportContext(split, false, EventHistory.of(events.subList(0, half)));
        SyntheticExperiment.replay(events.subList(half, events.size()),
                new CsvReporterFactory().create(resumed), new HtmlReporterFactory().create(resumed));

        List<Path> files = csvFiles(whole);
        assertThat(files).isNotEmpty();
        assertThat(csvFiles(split)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readString(split.resolve(f))).as(f.toString()).isEqualTo(Files.readString(whole.resolve(f)));
        }
    }

    private static List<Path> csvFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".html"))
                    .map(root::relativize).sorted().toList();
        }
    }
}
