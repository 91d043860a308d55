package org.rnnlab.reporting.csv;

import java.io.IOException;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunEvent;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.reporting.model.ExperimentRecorder;
import org.rnnlab.reporting.model.RunDirectory;

/** Keeps the CSV files of one experiment run up to date after every event that changes them. */
final class CsvReporter implements EventSubscriber {
    private final ExperimentRecorder recorder;
    private final CsvRunWriter writer;

    /** Starts from the events an earlier process of the run recorded: a resumed run adds to them. */
    CsvReporter(RunDirectory directory, EventHistory history) {
        this.recorder = ExperimentRecorder.of(history);
        this.writer = new CsvRunWriter(directory);
    }

    @Override
    public synchronized void onEvent(Event event) throws IOException {
        recorder.record(event);
        switch (event) {
            case EpochCompleted e -> {
                writer.writeMetrics(recorder.snapshot(e.variant()));
                writer.writeSummary(recorder.snapshot()); // epochs_done stays current if the run is stopped
            }
            case GradientStats e -> writer.writeGradients(recorder.snapshot(e.variant()));
            case Evaluation e -> writer.writeEvaluations(recorder.snapshot(e.variant()));
            case Samples e -> writer.writeSamples(recorder.snapshot(e.variant()));
            case ExperimentStarted e -> writeExperiment();
            case RunStarted e -> writer.writeSummary(recorder.snapshot());
            case RunDiverged e -> endOfRun(e);
            case RunFailed e -> endOfRun(e);
            case RunCompleted e -> endOfRun(e);
            case ExperimentCompleted e -> writeExperiment();
            default -> { } // batches and checkpoints leave no CSV trace
        }
    }

    private void endOfRun(RunEvent e) throws IOException {
        writer.writeVariant(recorder.snapshot(e.variant()));
        writer.writeSummary(recorder.snapshot());
    }

    private void writeExperiment() throws IOException {
        writer.writeExperiment(recorder.snapshot());
        writer.writeSummary(recorder.snapshot());
    }

    @Override
    public boolean asynchronous() {
        return true;
    }
}
