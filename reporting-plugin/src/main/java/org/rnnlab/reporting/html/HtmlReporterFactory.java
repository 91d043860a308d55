package org.rnnlab.reporting.html;

import java.nio.file.Path;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.reporting.csv.CsvRunReader;
import org.rnnlab.reporting.model.RunDirectory;

/**
 * The {@code html} reporter: {@code comparison.html} per experiment and {@code report.html} per variant,
 * self-contained. {@link #rebuild} makes them again from the files of the {@code csv} reporter.
 */
public final class HtmlReporterFactory implements ReporterFactory {
    @Override
    public String id() {
        return "html";
    }

    @Override
    public String description() {
        return "self-contained HTML pages: comparison.html per experiment, report.html per variant (open offline)";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return new HtmlReporter(new RunDirectory(context.runDirectory()));
    }

    @Override
    public boolean rebuild(Path runDirectory) throws Exception {
        RunDirectory directory = new RunDirectory(runDirectory);
        CsvRunReader reader = new CsvRunReader(directory);
        if (!reader.hasData()) {
            return false;
        }
        new HtmlReportWriter(directory).writeAll(reader.read());
        return true;
    }
}
