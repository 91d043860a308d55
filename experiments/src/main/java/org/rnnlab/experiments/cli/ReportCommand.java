package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.report.ReporterFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab report RUN_DIR}: rebuilds the reports of a finished or stopped experiment from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild the reports (comparison.html, each variant's report.html) of a run directory from its CSV files.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. runs/dinosaurs/20261121-101500.")
    Path runDirectory;

    @Override
    public Integer call() throws Exception {
        Path dir = runDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RnnlabException("run directory not found: " + dir);
        }
        List<String> rebuilt = new ArrayList<>();
        for (ReporterFactory reporter : lab.registry().all(ComponentKind.REPORTER)) {
            if (reporter.rebuild(dir)) {
                rebuilt.add(reporter.id());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (rebuilt.isEmpty()) {
            throw new RnnlabException("no reporter could rebuild anything from " + dir
                    + " (is it a run directory with summary.csv?)");
        }
        out.println("rebuilt by " + String.join(", ", rebuilt) + ": " + dir);
        Path comparison = dir.resolve("comparison.html");
        if (Files.exists(comparison)) {
            out.println("report: " + comparison);
        }
        out.flush();
        return 0;
    }
}
