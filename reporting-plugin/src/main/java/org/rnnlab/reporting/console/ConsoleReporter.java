package org.rnnlab.reporting.console;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;

/**
 * Shows an experiment's progress: one progress bar per running variant on a terminal, or plain lines
 * (one per epoch per variant, one per run end) when the output is a log.
 */
final class ConsoleReporter implements EventSubscriber {
    private final PrintStream out;
    private final boolean interactive;
    private final Map<String, Integer> epochs = new HashMap<>();
    private final Map<String, VariantProgress> bars = new HashMap<>();
    /** Run ends seen while bars are drawn: printed once the bars are gone, so that lines and bars never mix. */
    private final java.util.List<String> endings = new java.util.ArrayList<>();

    ConsoleReporter(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void onEvent(Event event) {
        switch (event) {
            case ExperimentStarted e -> out.println(ConsoleLines.started(e));
            case RunStarted e -> {
                epochs.put(e.variant(), e.epochs());
                if (interactive) {
                    bars.put(e.variant(), new VariantProgress(e.variant(), e.epochs()));
                }
            }
            case EmbeddingImported e -> {
                // before this variant's bar exists; other variants' bars may be drawn, so it waits like a run's end
                if (interactive && !bars.isEmpty()) {
                    endings.add(ConsoleLines.imported(e));
                } else {
                    out.println(ConsoleLines.imported(e));
                }
            }
            case BatchCompleted e -> {
                VariantProgress bar = bars.get(e.variant());
                if (bar != null) {
                    bar.batch(e);
                }
            }
            case EpochCompleted e -> {
                VariantProgress bar = bars.get(e.variant());
                if (bar != null) {
                    bar.epoch(e);
                } else if (!interactive) {
                    out.println(ConsoleLines.epoch(e, epochs.getOrDefault(e.variant(), 0)));
                }
            }
            case RunDiverged e -> end(e.variant(), "DIVERGED", ConsoleLines.diverged(e));
            case RunFailed e -> end(e.variant(), "FAILED", ConsoleLines.failed(e));
            case RunCompleted e -> end(e.variant(), e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    ConsoleLines.completed(e));
            case ExperimentCompleted e -> {
                bars.values().forEach(b -> b.close("stopped"));
                bars.clear();
                endings.forEach(out::println);
                endings.clear();
                out.println(ConsoleLines.experimentCompleted(e));
            }
            default -> { }
        }
    }

    private void end(String variant, String outcome, String line) {
        VariantProgress bar = bars.remove(variant);
        if (bar != null) {
            bar.close(outcome);
        }
        if (interactive) {
            endings.add(line);
        } else {
            out.println(line);
        }
    }
}
