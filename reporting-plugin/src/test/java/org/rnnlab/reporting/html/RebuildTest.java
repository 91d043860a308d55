package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.reporting.SyntheticExperiment;
import org.rnnlab.reporting.csv.CsvReporterFactory;

/** {@code lab report RUN_DIR}: the pages rebuilt from the CSV files are the pages written from the events. */
class RebuildTest {
    @TempDir
    Path tmp;

    @Test
    void rebuiltPagesEqualThePagesWrittenDuringTheRun() throws Exception {
        for (String name : new String[] {"plain", "hostile"}) {
            Path live = tmp.resolve(name + "-live");
            Path rebuilt = tmp.resolve(name + "-rebuilt");
            var events = name.equals("plain") ? SyntheticExperiment.events(live) : SyntheticExperiment.hostile(live);
            SyntheticExperiment.replay(events, new CsvReporterFactory().create(new ReportContext(live, false)),
                    new HtmlReporterFactory().create(new ReportContext(live, false)));
            var copy = name.equals("plain") ? SyntheticExperiment.events(rebuilt) : SyntheticExperiment.hostile(rebuilt);
            SyntheticExperiment.replay(copy, new CsvReporterFactory().create(new ReportContext(rebuilt, false)));
            assertThat(rebuilt.resolve("comparison.html")).doesNotExist();

            assertThat(new HtmlReporterFactory().rebuild(rebuilt)).isTrue();

            assertThat(Files.readString(rebuilt.resolve("comparison.html"))).isEqualTo(Files.readString(live.resolve("comparison.html")));
            for (var spec : SyntheticExperiment.specs()) {
                if (name.equals("plain")) {
                    assertThat(Files.readString(rebuilt.resolve(spec.name()).resolve("report.html")))
                            .isEqualTo(Files.readString(live.resolve(spec.name()).resolve("report.html")));
                }
            }
        }
    }

    @Test
    void aFolderWithoutCsvFilesHasNothingToRebuild() throws Exception {
        assertThat(new HtmlReporterFactory().rebuild(tmp)).isFalse();
    }
}
