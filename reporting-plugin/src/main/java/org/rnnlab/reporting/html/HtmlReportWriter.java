package org.rnnlab.reporting.html;

import java.io.IOException;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.RunDirectory;
import org.rnnlab.reporting.model.VariantRecord;

/** Writes {@code comparison.html} and each variant's {@code report.html} into a run directory. */
public final class HtmlReportWriter {
    private final RunDirectory directory;

    public HtmlReportWriter(RunDirectory directory) {
        this.directory = directory;
    }

    public void writeComparison(ExperimentRecord experiment) throws IOException {
        directory.write(directory.file(RunLinks.COMPARISON), ReportPage.comparison(experiment));
    }

    public void writeRun(ExperimentRecord experiment, VariantRecord variant) throws IOException {
        directory.write(directory.variantFile(variant.name(), RunLinks.RUN_PAGE), ReportPage.run(experiment, variant));
    }

    public void writeAll(ExperimentRecord experiment) throws IOException {
        for (VariantRecord v : experiment.variants()) {
            writeRun(experiment, v);
        }
        writeComparison(experiment);
    }
}
