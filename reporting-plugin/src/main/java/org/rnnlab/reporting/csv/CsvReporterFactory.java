package org.rnnlab.reporting.csv;

import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.RunDirectory;

/**
 * The {@code csv} reporter: metrics, gradients, evaluations, samples and the summary as CSV files, for
 * spreadsheets and scripts. {@link #rebuild} writes them again from the run's events.
 */
public final class CsvReporterFactory implements ReporterFactory {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV files per run (metrics, gradients, confusion matrices, samples) and summary.csv per experiment";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return new CsvReporter(new RunDirectory(context.runDirectory()), context.history());
    }

    @Override
    public boolean rebuild(ReportContext context) throws Exception {
        ExperimentRecorder recorder = ExperimentRecorder.of(context.history());
        if (recorder.isEmpty()) {
            return false;
        }
        new CsvRunWriter(new RunDirectory(context.runDirectory())).writeAll(recorder.snapshot());
        return true;
    }
}
