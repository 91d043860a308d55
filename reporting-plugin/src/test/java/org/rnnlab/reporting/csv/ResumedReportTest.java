package org.rnnlab.reporting.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;

/**
 * A run stopped half-way and resumed ({@code lab run --resume}) is reported by two reporters, one per
 * process: the second starts from the files the first left, so the CSV files end as one reporter makes them.
 */
class ResumedReportTest {

    @Test
    void aReporterStartedOnAHalfWrittenRunEndsWithTheSameFilesAsOneReporter(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        Files.createDirectories(whole);
        Files.createDirectories(split);
        SyntheticExperiment.replay(SyntheticExperiment.events(whole),
                new CsvReporterFactory().create(new ReportContext(whole, false)));

        List<Event> events = SyntheticExperiment.events(split);
        int half = events.size() / 2;
        SyntheticExperiment.replay(events.subList(0, half), new CsvReporterFactory().create(new ReportContext(split, false)));
        SyntheticExperiment.replay(events.subList(half, events.size()),
                new CsvReporterFactory().create(new ReportContext(split, false)));

        List<Path> files = csvFiles(whole);
        assertThat(files).isNotEmpty();
        assertThat(csvFiles(split)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readString(split.resolve(f))).as(f.toString()).isEqualTo(Files.readString(whole.resolve(f)));
        }
    }

    private static List<Path> csvFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".csv")).map(root::relativize).sorted().toList();
        }
    }
}
