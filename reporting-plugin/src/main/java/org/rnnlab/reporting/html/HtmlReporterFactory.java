package org.rnnlab.reporting.html;

import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.RunDirectory;

/**
 * The {@code html} reporter: {@code comparison.html} per experiment and {@code report.html} per variant,
 * self-contained. {@link #rebuild} makes them again from the run's events.
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
        return new HtmlReporter(new RunDirectory(context.runDirectory()), context.history());
    }

    @Override
    public boolean rebuild(ReportContext context) throws Exception {
        ExperimentRecorder recorder = ExperimentRecorder.of(context.history());
        if (recorder.isEmpty()) {
            return false;
        }
        new HtmlReportWriter(new RunDirectory(context.runDirectory())).writeAll(recorder.snapshot());
        return true;
    }
}
