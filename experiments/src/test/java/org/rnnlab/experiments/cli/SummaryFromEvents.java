package org.rnnlab.experiments.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunEvent;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/**
 * A reporter a third party could write: it imports nothing but the plugin API, keeps every event it
 * receives, and folds them into the rows of {@code summary.csv} as that file's documentation describes
 * them (one row per variant: status, seed (empty for a variant not started), epochs done and planned, wall
 * time, where a divergence ended, the note, the best epoch, the metric that chose it and whether it was
 * restored, then {@code setting.}, {@code final.} and {@code best.} columns, sorted).
 */
final class SummaryFromEvents implements ReporterFactory {
    final List<Event> received = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String id() {
        return "summary-from-events";
    }

    @Override
    public String description() {
        return "a test reporter written against the API only";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return received::add;
    }

    /** The summary of {@code events}: a header row, then one row per variant by name. */
    static List<List<String>> summary(List<Event> events) {
        Map<String, Row> rows = new TreeMap<>();
        for (Event event : events) {
            switch (event) {
                case ExperimentStarted e -> e.variants().forEach((v, s) -> rows.computeIfAbsent(v, Row::new).settings.putAll(s));
                case RunEvent e -> {
                    Row row = rows.computeIfAbsent(e.variant(), Row::new);
                    switch (e) {
                        case RunStarted s -> {
                            row.settings.putAll(s.settings());
                            row.seed = s.seed();
                            row.planned = s.epochs();
                            row.status = "RUNNING";
                            row.note = "";
                            row.endedEpoch = -1;
                            row.endedStep = -1;
                        }
                        case EpochCompleted c -> row.epochs.add(c.epoch());
                        case RunDiverged d -> {
                            row.status = "DIVERGED";
                            row.note = d.reason() + " (last finite loss "
                                    + String.format(Locale.ROOT, "%.4g", d.lastFiniteLoss()) + ")";
                            row.endedEpoch = d.epoch();
                            row.endedStep = d.step();
                        }
                        case RunFailed f -> {
                            row.status = "FAILED";
                            row.note = f.message() == null ? "" : f.message();
                        }
                        case RunCompleted c -> {
                            row.status = c.status().name();
                            row.finals.putAll(c.finalMetrics());
                            row.bests.putAll(c.bestMetrics());
                            row.wall = c.wallMillis();
                            row.best = c.best();
                        }
                        default -> { }
                    }
                }
                case org.rnnlab.api.event.ClaimChecked c -> { } // the experiment's verdicts: not in summary.csv
                case ExperimentCompleted e -> e.status().forEach((v, s) -> {
                    Row row = rows.computeIfAbsent(v, Row::new);
                    if (row.status.equals("RUNNING") || row.status.equals("NOT_STARTED")) {
                        row.status = s.name();
                    }
                });
            }
        }
        Set<String> settings = new TreeSet<>();
        Set<String> finals = new TreeSet<>();
        Set<String> bests = new TreeSet<>();
        rows.values().forEach(r -> {
            settings.addAll(r.settings.keySet());
            finals.addAll(r.finals.keySet());
            bests.addAll(r.bests.keySet());
        });
        List<String> header = new ArrayList<>(List.of("variant", "status", "seed", "epochs_done", "epochs_planned",
                "wall_millis", "ended_epoch", "ended_step", "note", "best_epoch", "best_by", "best_restored"));
        settings.forEach(k -> header.add("setting." + k));
        finals.forEach(k -> header.add("final." + k));
        bests.forEach(k -> header.add("best." + k));
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (Row r : rows.values()) {
            List<String> cells = new ArrayList<>(List.of(r.name, r.status,
                    r.status.equals("NOT_STARTED") ? "" : Long.toString(r.seed),
                    Integer.toString(r.epochs.size()), Integer.toString(r.planned), Long.toString(r.wall),
                    Integer.toString(r.endedEpoch), Long.toString(r.endedStep), r.note, Integer.toString(r.best.epoch()),
                    r.best.metric(), Boolean.toString(r.best.restored())));
            settings.forEach(k -> cells.add(r.settings.getOrDefault(k, "")));
            finals.forEach(k -> cells.add(number(r.finals.get(k))));
            bests.forEach(k -> cells.add(number(r.bests.get(k))));
            table.add(cells);
        }
        return table;
    }

    private static String number(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    private static final class Row {
        final String name;
        final Map<String, String> settings = new LinkedHashMap<>();
        final Set<Integer> epochs = new TreeSet<>();
        final Map<String, Double> finals = new TreeMap<>();
        final Map<String, Double> bests = new TreeMap<>();
        String status = "NOT_STARTED";
        long seed;
        int planned;
        long wall = -1;
        String note = "";
        int endedEpoch = -1;
        long endedStep = -1;
        org.rnnlab.api.event.BestEpoch best = org.rnnlab.api.event.BestEpoch.NONE;

        Row(String name) {
            this.name = name;
        }
    }
}
