package org.rnnlab.reporting.csv;

import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.reporting.model.RunDirectory;

/** The {@code csv} reporter: metrics, gradients, evaluations, samples and the summary as CSV files. */
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
        return new CsvReporter(new RunDirectory(context.runDirectory()));
    }
}
