package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.runtime.events.EventLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab report RUN_DIR}: rebuilds the reports of a finished or stopped experiment by replaying its
 * event log ({@code events.jsonl}) into every reporter that can rebuild (the CSV files and the pages).
 * A run made before rnnlab kept an event log is refused with a line saying so: its files stay as that
 * run left them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild the reports (comparison.html, each variant's report.html, the CSV files) of a run "
                + "directory from its event log (events.jsonl).")
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
        if (!EventLog.exists(dir)) {
            throw new RnnlabException(Files.exists(dir.resolve("summary.csv"))
                    ? dir + " was written before rnnlab kept an event log (" + EventLog.FILE + "), so its reports "
                            + "cannot be rebuilt; its CSV files and pages are as that run left them"
                    : dir + " is no run directory: it has no event log (" + EventLog.FILE + ")");
        }
        EventHistory history = EventLog.history(dir);
        List<String> rebuilt = new ArrayList<>();
        for (ReporterFactory reporter : lab.registry().all(ComponentKind.REPORTER)) {
            boolean done;
            try {
                done = reporter.rebuild(new ReportContext(dir, false, history));
            } catch (Exception e) {
                // a report that cannot be written says which file and why (RunDirectory.write's message)
                String why = e instanceof java.io.IOException && e.getMessage() != null ? e.getMessage() : Lab.messageOf(e);
                throw new RnnlabException("reporter '" + reporter.id() + "' could not rebuild its reports: " + why, e);
            }
            if (done) {
                rebuilt.add(reporter.id());
            }
        }
        if (rebuilt.isEmpty()) {
            throw new RnnlabException("no reporter could rebuild anything from " + dir + " (its event log holds no events)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("rebuilt by " + String.join(", ", rebuilt) + ": " + dir);
        Path comparison = dir.resolve("comparison.html");
        if (Files.exists(comparison)) {
            out.println("report: " + comparison);
        }
        out.flush();
        return 0;
    }
}
