package org.rnnlab.reporting.console;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStatus;

/** The plain lines of the console reporter, for logs that are not a terminal (CI, pipes). */
final class ConsoleLines {
    private ConsoleLines() {}

    static String started(ExperimentStarted e) {
        return "experiment " + e.experiment() + ": " + e.variants().size() + " variants, writing to " + e.runDirectory();
    }

    static String epoch(EpochCompleted e, int epochs) {
        StringBuilder s = new StringBuilder("[").append(e.variant()).append("] epoch ").append(e.epoch());
        if (epochs > 0) {
            s.append('/').append(epochs);
        }
        s.append("  ").append(metrics(e.metrics()));
        Double seconds = e.timings().get("time.epoch_seconds");
        Double speed = e.timings().get("time.tokens_per_second");
        if (seconds != null || speed != null) {
            s.append("  (");
            if (seconds != null) {
                s.append(seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000) : String.format(Locale.ROOT, "%.1f s", seconds));
            }
            if (speed != null) {
                s.append(seconds != null ? ", " : "").append(String.format(Locale.ROOT, "%,.0f tokens/s", speed));
            }
            s.append(')');
        }
        return s.toString();
    }

    /** "[v] embedding.init: 812 of 1,004 words found in vectors.txt (frozen)". */
    static String imported(EmbeddingImported e) {
        return "[" + e.variant() + "] embedding.init: " + String.format(Locale.ROOT, "%,d of %,d", e.found(), e.words())
                + " words found in " + e.file() + (e.trainable() ? "" : " (frozen)");
    }

    static String diverged(RunDiverged e) {
        return "[" + e.variant() + "] DIVERGED at epoch " + e.epoch() + ", step " + e.step() + ": " + e.reason()
                + " (last finite loss " + number(e.lastFiniteLoss()) + ")";
    }

    static String failed(RunFailed e) {
        return "[" + e.variant() + "] FAILED: " + e.message();
    }

    static String completed(RunCompleted e) {
        return "[" + e.variant() + "] " + e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " in "
                + String.format(Locale.ROOT, "%.1f s", e.wallMillis() / 1000.0)
                + (e.finalMetrics().isEmpty() ? "" : ": " + metrics(e.finalMetrics()))
                + (e.best().known() ? "; " + e.best().describe() : "");
    }

    static String experimentCompleted(ExperimentCompleted e) {
        Map<RunStatus, Long> counts = e.status().values().stream()
                .collect(Collectors.groupingBy(s -> s, () -> new java.util.EnumMap<>(RunStatus.class), Collectors.counting()));
        String statuses = counts.entrySet().stream()
                .map(c -> c.getValue() + " " + c.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        // no report path here: the pages are written after this event, maybe not at all (a full disk);
        // lab run names the report once it exists, or says why it does not
        return "experiment " + e.experiment() + " trained in " + String.format(Locale.ROOT, "%.1f s", e.wallMillis() / 1000.0)
                + ": " + statuses;
    }

    static String metrics(Map<String, Double> metrics) {
        return new java.util.TreeMap<>(metrics).entrySet().stream()
                .map(m -> m.getKey() + "=" + number(m.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
