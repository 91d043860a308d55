package org.rnnlab.reporting.html;

import java.io.IOException;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunEvent;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.RunDirectory;

/**
 * Records an experiment's events and writes the pages: a variant's page when its run ends (with the
 * comparison so far, so a long experiment can be looked at early), every page when the experiment ends.
 */
final class HtmlReporter implements EventSubscriber {
    private final ExperimentRecorder recorder;
    private final HtmlReportWriter writer;

    /** Starts from the events an earlier process of the run recorded: a resumed run adds to them. */
    HtmlReporter(RunDirectory directory, EventHistory history) {
        this.recorder = ExperimentRecorder.of(history);
        this.writer = new HtmlReportWriter(directory);
    }

    @Override
    public synchronized void onEvent(Event event) throws IOException {
        recorder.record(event);
        switch (event) {
            case RunCompleted e -> endOfRun(e);
            case RunDiverged e -> endOfRun(e);
            case RunFailed e -> endOfRun(e);
            case ExperimentCompleted e -> writer.writeAll(recorder.snapshot());
            default -> { }
        }
    }

    private void endOfRun(RunEvent e) throws IOException {
        ExperimentRecord experiment = recorder.snapshot();
        writer.writeRun(experiment, recorder.snapshot(e.variant()));
        writer.writeComparison(experiment);
    }

    @Override
    public boolean asynchronous() {
        return true;
    }
}
