package org.rnnlab.reporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.rnnlab.api.event.BestEpoch;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;

/**
 * A classifier lesson run over three seeds per cell, as {@code lab run sentiment --seeds 3} names its
 * variants ({@code gru_s1} ... {@code rnn_s3}): gru and lstm end close together, rnn clearly lower; the
 * learning rate follows a cosine schedule; the rnn's gradient flow underflows to exactly 0 after a few
 * steps back; each run's best epoch was restored; one order claim compares gru, lstm and rnn on test accuracy.
 */
public final class SeededExperiment {
    public static final String NAME = "seeded";
    public static final int EPOCHS = 8;
    public static final List<String> CELLS = List.of("gru", "lstm", "rnn");
    public static final int SEEDS = 3;
    public static final double LR = 0.01;

    private SeededExperiment() {}

    /** Test accuracy of {@code cell} at {@code seed}: gru and lstm overlap, rnn sits well below both. */
    public static double testAccuracy(String cell, long seed) {
        return switch (cell) {
            case "gru" -> 0.80 + 0.01 * seed;
            case "lstm" -> 0.795 + 0.012 * seed;
            default -> 0.60 + 0.01 * seed;
        };
    }

    public static List<Event> events(Path run) {
        List<Event> events = new ArrayList<>();
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (String cell : CELLS) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                variants.put(cell + "_s" + seed, settings(cell, seed));
            }
        }
        events.add(new ExperimentStarted(NAME, "Gated cells against a plain one, over three seeds.", run, variants,
                Map.of("rnnlab.version", "0.1.0-SNAPSHOT")));
        Map<String, RunStatus> statuses = new TreeMap<>();
        for (String cell : CELLS) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                String v = cell + "_s" + seed;
                statuses.put(v, RunStatus.COMPLETED);
                run(events, run, v, cell, seed);
            }
        }
        events.add(new ClaimChecked(NAME, "test.accuracy: gru better than lstm better than rnn", "measured 2026-12-01",
                ClaimVerdict.HOLDS, Map.of("gru", 0.82, "lstm", 0.819, "rnn", 0.62), "measured gru 0.82, lstm 0.819, rnn 0.62",
                new ClaimChecked.Compared("test.accuracy", false, List.of("gru", "lstm", "rnn"))));
        events.add(new ExperimentCompleted(NAME, run, statuses, 12_345));
        return events;
    }

    private static Map<String, String> settings(String cell, long seed) {
        return Map.of("cell", cell, "dataset", "sentiment", "seed", Long.toString(seed), "schedule", "cosine");
    }

    /** The cosine schedule's rate after epoch {@code epoch}'s last step, 10 steps an epoch. */
    public static double learningRate(int epoch) {
        return LR * (1 + Math.cos(Math.PI * (epoch * 10 - 1) / (EPOCHS * 10.0))) / 2;
    }

    private static void run(List<Event> events, Path run, String v, String cell, long seed) {
        Random random = new Random(seed * 7919 + cell.hashCode());
        events.add(new RunStarted(NAME, v, settings(cell, seed), seed, run.resolve(v), EPOCHS));
        double floor = cell.equals("rnn") ? 0.75 : 0.45;
        int bestEpoch = 0;
        double bestAccuracy = -1;
        Map<String, Double> last = Map.of();
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            double train = floor + 0.6 * Math.exp(-0.5 * epoch) + 0.015 * random.nextGaussian();
            double val = train + 0.05 + 0.012 * epoch + 0.02 * random.nextGaussian();
            double accuracy = Math.min(0.95, testAccuracy(cell, seed) - 0.3 * Math.exp(-0.6 * epoch) + 0.01 * random.nextGaussian());
            Map<String, Double> metrics = Map.of("train.loss", train, "val.loss", val, "val.accuracy", accuracy);
            events.add(new EpochCompleted(NAME, v, epoch, metrics, Map.of("time.epoch_seconds", 1.5,
                    "time.tokens_per_second", 150_000.0 + 50_000 * epoch), learningRate(epoch)));
            double[] flow = new double[20];
            for (int k = 0; k < flow.length; k++) {
                // the plain cell's gradient vanishes to float32's 0 beyond 12 steps back
                flow[k] = cell.equals("rnn") ? (k > 12 ? 0 : Math.pow(1e-3, k)) : Math.pow(0.9, k);
            }
            events.add(new GradientStats(NAME, v, epoch, 1.0 / epoch, Map.of("weight_hh_l0", 0.5 / epoch), flow));
            long right = Math.round(100 * accuracy);
            events.add(new Evaluation(NAME, v, epoch, "validation", List.of("negative", "positive"),
                    new long[][] {{right / 2, 50 - right / 2}, {50 - (right - right / 2), right - right / 2}}));
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestEpoch = epoch;
            }
            last = metrics;
        }
        Map<String, Double> finals = new TreeMap<>(last);
        finals.put("test.accuracy", testAccuracy(cell, seed));
        events.add(new RunCompleted(NAME, v, RunStatus.COMPLETED, finals, Map.of("val.accuracy", bestAccuracy), 1_000,
                new BestEpoch(bestEpoch, "val.accuracy", bestAccuracy, true)));
    }
}
