package org.rnnlab.reporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;

/**
 * A small but realistic event stream, as the trainers publish it: a sentiment classifier with two cells
 * ({@code lstm}, {@code rnn}) and two seeds each, with confusion matrices, one of whose runs diverges;
 * and two character-level language models ({@code lstm}, {@code gru}) that publish samples. Curves
 * follow the shapes training gives (loss falling towards a floor, accuracy rising, an RNN's gradient
 * fading back through time faster than an LSTM's), with seeded noise.
 */
public final class SyntheticExperiment {
    public static final String NAME = "cells-compared";
    public static final int EPOCHS = 6;
    public static final int BATCHES = 5;
    public static final int STEPS_BACK = 24;
    public static final String DIVERGED = "sentiment-rnn-word-s2";

    private SyntheticExperiment() {}

    /** A variant of the stream: name, settings, seed, and whether it diverges (at which epoch). */
    public record Spec(String name, Map<String, String> settings, long seed, boolean languageModel, int divergesAt,
                       String failure, List<String> labels, String samplePrefix) {
        public Spec(String name, Map<String, String> settings, long seed, boolean languageModel, int divergesAt) {
            this(name, settings, seed, languageModel, divergesAt, "", List.of("negative", "neutral", "positive"), "");
        }
    }

    /** Text that would be markup or script if a page did not escape it. */
    public static final String SCRIPT_NAME = "<script>document.body.setAttribute('data-pwned','name')";
    public static final String IMG_NAME = "<img src=x onerror=document.body.setAttribute('data-pwned','img')>";
    public static final String QUOTE_NAME = "q\"uote's \" onmouseover=\"x";
    public static final String CLOSING_SCRIPT = "</script><script>document.body.setAttribute('data-pwned','close')</script>";
    public static final String SAMPLE = "</script><img src=x onerror=document.body.setAttribute('data-pwned','sample')> \"quotes\" & 'apostrophes'";
    public static final String FAILURE = "<img src=x onerror=document.body.setAttribute('data-pwned','error')> at </script>";

    /** Variants whose names, settings, labels, samples, description and error message are all hostile. */
    public static List<Event> hostile(Path runDirectory) {
        List<String> labels = List.of("<b>neg</b>", CLOSING_SCRIPT, "\"pos\"");
        List<Spec> specs = List.of(
                new Spec(SCRIPT_NAME, settings(CLOSING_SCRIPT, "word", "sentiment", 1), 1, false, -1, "", labels, ""),
                new Spec(IMG_NAME, settings("lstm", "word", "sentiment", 1), 1, false, 3, "", labels, ""),
                new Spec(QUOTE_NAME, settings("lstm", "character", "tiny-shakespeare", 1), 1, true, -1, "", labels, SAMPLE),
                new Spec("fails-" + QUOTE_NAME, settings("gru", "character", "tiny-shakespeare", 1), 1, true, -1, FAILURE, labels, SAMPLE));
        return events(runDirectory, specs, "Lesson " + CLOSING_SCRIPT + " & <!-- comment");
    }

    public static List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (String cell : List.of("lstm", "rnn")) {
            for (long seed : List.of(1L, 2L)) {
                String name = "sentiment-" + cell + "-word-s" + seed;
                specs.add(new Spec(name, settings(cell, "word", "sentiment", seed), seed, false, name.equals(DIVERGED) ? 3 : -1));
            }
        }
        for (String cell : List.of("lstm", "gru")) {
            specs.add(new Spec("shakespeare-" + cell + "-char-s1", settings(cell, "character", "tiny-shakespeare", 1), 1, true, -1));
        }
        return specs;
    }

    private static Map<String, String> settings(String cell, String tokenizer, String dataset, long seed) {
        Map<String, String> m = new TreeMap<>();
        m.put("cell", cell);
        m.put("tokenizer", tokenizer);
        m.put("dataset", dataset);
        m.put("hidden", "64");
        m.put("optimizer", "adam");
        m.put("optimizer.lr", cell.equals("rnn") ? "0.01" : "0.003");
        m.put("seed", Long.toString(seed));
        return m;
    }

    public static List<Event> events(Path runDirectory) {
        return events(runDirectory, specs(), "An LSTM keeps the gradient alive over more steps than a plain RNN.\n\n"
                + "Compare the gradient flow charts: the RNN's line falls by orders of magnitude within a few steps.");
    }

    public static List<Event> events(Path runDirectory, List<Spec> specs, String description) {
        List<Event> events = new ArrayList<>();
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        specs.forEach(s -> variants.put(s.name(), s.settings()));
        Map<String, String> provenance = new TreeMap<>();
        provenance.put("rnnlab.version", "0.1.0-SNAPSHOT");
        provenance.put("java.version", "25.0.1");
        provenance.put("os", "Linux 6.1 amd64");
        provenance.put("kernels", "vector (256-bit)");
        provenance.put("data.sentiment.sha256", "3f1c0e9a77d2");
        provenance.put("data.tiny-shakespeare.sha256", "b9a41d3e02c8");
        events.add(new ExperimentStarted(NAME, description, runDirectory, variants, provenance));
        Map<String, RunStatus> statuses = new TreeMap<>();
        for (Spec s : specs) {
            statuses.put(s.name(), run(s, runDirectory, events));
        }
        events.add(new ExperimentCompleted(NAME, runDirectory, statuses, 42_750));
        return events;
    }

    private static RunStatus run(Spec s, Path runDirectory, List<Event> events) {
        Random random = new Random(s.seed() * 31 + s.name().hashCode());
        String v = s.name();
        String cell = s.settings().get("cell");
        events.add(new RunStarted(NAME, v, s.settings(), s.seed(), runDirectory.resolve(v), EPOCHS));
        if (!s.failure().isEmpty()) {
            events.add(new BatchCompleted(NAME, v, 1, 0, BATCHES, 3.0));
            events.add(new RunFailed(NAME, v, s.failure()));
            events.add(new RunCompleted(NAME, v, RunStatus.FAILED, Map.of(), Map.of(), 300));
            return RunStatus.FAILED;
        }
        double floor = s.languageModel() ? (cell.equals("lstm") ? 1.45 : 1.52) : (cell.equals("lstm") ? 0.42 : 0.61);
        double start = s.languageModel() ? 3.9 : 1.1;
        double fade = cell.equals("rnn") ? 0.62 : cell.equals("gru") ? 0.9 : 0.93;
        Map<String, Double> best = new TreeMap<>();
        Map<String, Double> last = Map.of();
        long step = 0;
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            double trainLoss = floor + (start - floor) * Math.exp(-0.7 * epoch) + 0.02 * random.nextGaussian();
            for (int b = 0; b < BATCHES; b++) {
                step++;
                if (epoch == s.divergesAt() && b == 2) {
                    events.add(new BatchCompleted(NAME, v, epoch, b, BATCHES, Double.NaN));
                    events.add(new RunDiverged(NAME, v, epoch, step, trainLoss * 3.7, "loss became NaN"));
                    events.add(new RunCompleted(NAME, v, RunStatus.DIVERGED, last, best, 4_100));
                    return RunStatus.DIVERGED;
                }
                events.add(new BatchCompleted(NAME, v, epoch, b, BATCHES, trainLoss + 0.05 * random.nextGaussian()));
            }
            double valLoss = trainLoss + 0.06 + 0.01 * epoch * (s.languageModel() ? 0.5 : 1) + 0.02 * random.nextGaussian();
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("train.loss", trainLoss);
            metrics.put("val.loss", valLoss);
            if (s.languageModel()) {
                metrics.put("val.bits_per_char", valLoss / Math.log(2));
            } else {
                metrics.put("val.accuracy", Math.min(0.97, 0.33 + 0.55 * (1 - Math.exp(-0.6 * epoch)) + 0.015 * random.nextGaussian()
                        - (cell.equals("rnn") ? 0.06 : 0)));
            }
            Map<String, Double> timings = Map.of("time.epoch_seconds", 2.5 + random.nextDouble(),
                    "time.tokens_per_second", 41_000 + 3_000 * random.nextDouble());
            events.add(new EpochCompleted(NAME, v, epoch, metrics, timings));
            metrics.forEach((k, x) -> best.merge(k, x, k.endsWith("accuracy") ? Math::max : Math::min));
            last = metrics;
            double[] flow = new double[STEPS_BACK];
            double g = 0.8 + 0.2 * random.nextDouble();
            for (int k = 0; k < STEPS_BACK; k++) {
                flow[k] = g * Math.pow(fade + 0.01 * epoch / EPOCHS, k);
            }
            Map<String, Double> parameters = new TreeMap<>();
            parameters.put("weight_ih_l0", 0.9 / epoch + 0.1 * random.nextDouble());
            parameters.put("weight_hh_l0", 1.4 / epoch + 0.1 * random.nextDouble());
            parameters.put("bias_ih_l0", 0.2 / epoch + 0.02 * random.nextDouble());
            parameters.put("bias_hh_l0", 0.2 / epoch + 0.02 * random.nextDouble());
            parameters.put("head.weight", 0.6 / epoch + 0.05 * random.nextDouble());
            events.add(new GradientStats(NAME, v, epoch, 2.2 / Math.sqrt(epoch) + 0.1 * random.nextDouble(), parameters, flow));
            if (s.languageModel()) {
                events.add(new Samples(NAME, v, epoch, List.of(
                        s.samplePrefix() + sample(random, epoch, "ROMEO: "), sample(random, epoch, "JULIET: ")), 0.4 + 0.08 * epoch));
            } else {
                events.add(new Evaluation(NAME, v, epoch, "val", s.labels(),
                        confusion(random, metrics.get("val.accuracy"))));
            }
            events.add(new Checkpointed(NAME, v, epoch, runDirectory.resolve(v).resolve("checkpoint")));
        }
        events.add(new RunCompleted(NAME, v, RunStatus.COMPLETED, last, best, 17_000 + random.nextInt(3_000)));
        return RunStatus.COMPLETED;
    }

    private static String sample(Random random, int epoch, String prompt) {
        String[] words = {"the", "king", "shall", "not", "love", "thee", "night", "my", "lord", "sweet", "hath", "and"};
        StringBuilder s = new StringBuilder(prompt);
        for (int i = 0; i < 8 + epoch; i++) {
            s.append(words[random.nextInt(words.length)]).append(i % 5 == 4 ? ",\n" : " ");
        }
        return s.toString().strip();
    }

    private static long[][] confusion(Random random, double accuracy) {
        long[][] counts = new long[3][3];
        for (int a = 0; a < 3; a++) {
            int total = 60 + 20 * a;
            long right = Math.round(total * Math.max(0, Math.min(1, accuracy + 0.03 * random.nextGaussian())));
            counts[a][a] = right;
            long wrong = total - right;
            counts[a][(a + 1) % 3] = wrong / 2;
            counts[a][(a + 2) % 3] = wrong - wrong / 2;
        }
        return counts;
    }

    /** Delivers every event to every subscriber, in order. */
    public static void replay(List<Event> events, EventSubscriber... subscribers) throws Exception {
        for (Event e : events) {
            for (EventSubscriber s : subscribers) {
                s.onEvent(e);
            }
        }
    }
}
