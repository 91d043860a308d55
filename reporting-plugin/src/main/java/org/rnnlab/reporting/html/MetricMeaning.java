package org.rnnlab.reporting.html;

import java.util.Locale;

/**
 * What a metric measures, in which unit, and which direction is better, so that no number appears on a
 * page without its meaning. Known by the last part of the dotted name ({@code val.accuracy} -> accuracy).
 */
public record MetricMeaning(String metric, String meaning, Direction direction) {

    /** Which values of a metric are better. */
    public enum Direction {
        LOWER("lower is better", "↓"), HIGHER("higher is better", "↑"), NEITHER("", "");

        public final String words;
        public final String arrow;

        Direction(String words, String arrow) {
            this.words = words;
            this.arrow = arrow;
        }
    }

    /** The meaning of {@code metric} alone; a loss is then only "the training objective". */
    public static MetricMeaning of(String metric) {
        return of(metric, java.util.Set.of());
    }

    /**
     * The meaning of {@code metric} among the other metrics of the same runs, which tell what the loss
     * is: squared error next to {@code mse}, cross-entropy next to accuracy or perplexity.
     */
    public static MetricMeaning of(String metric, java.util.Collection<String> siblings) {
        String m = metric.toLowerCase(Locale.ROOT);
        String last = m.substring(m.lastIndexOf('.') + 1);
        String split = m.startsWith("train.") ? "training set" : m.startsWith("val.") ? "validation set"
                : m.startsWith("test.") ? "test set" : "";
        String on = split.isEmpty() ? "" : " on the " + split;
        if (m.equals("grad.norm.global")) {
            return new MetricMeaning(metric, "L2 norm of all gradients before clipping, mean over the epoch's steps", Direction.NEITHER);
        }
        if (m.startsWith("time.")) {
            return switch (last) {
                case "epoch_seconds" -> new MetricMeaning(metric, "wall time of one epoch, seconds", Direction.LOWER);
                case "tokens_per_second" -> new MetricMeaning(metric, "training throughput, tokens per second", Direction.HIGHER);
                default -> new MetricMeaning(metric, "timing (varies from run to run)", Direction.NEITHER);
            };
        }
        int tag = m.indexOf(".f1.");
        if (tag >= 0) {
            return new MetricMeaning(metric, "F1 of the tag '" + metric.substring(tag + 4) + "'" + on + ", 0 to 1",
                    Direction.HIGHER);
        }
        return switch (last) {
            case "span_f1", "span_precision", "span_recall" -> new MetricMeaning(metric, "entity "
                    + last.substring(5).replace("f1", "F1") + on + " (an entity counts only with its whole span and type"
                    + " right, as the CoNLL evaluation counts), 0 to 1", Direction.HIGHER);
            case "loss" -> new MetricMeaning(metric, lossKind(siblings) + on + lossUnit(siblings), Direction.LOWER);
            case "accuracy" -> new MetricMeaning(metric, "share of correct predictions" + on + ", 0 to 1", Direction.HIGHER);
            case "nats_per_token" -> new MetricMeaning(metric, "cross-entropy" + on + ", nats per token", Direction.LOWER);
            case "bits_per_char", "bpc" -> new MetricMeaning(metric, "cross-entropy" + on + ", bits per character", Direction.LOWER);
            case "bits_per_token" -> new MetricMeaning(metric, "cross-entropy" + on + ", bits per token", Direction.LOWER);
            case "perplexity" -> new MetricMeaning(metric, "perplexity" + on + " (e to the nats per token)", Direction.LOWER);
            case "f1", "macro_f1", "f1_macro" -> new MetricMeaning(metric, "F1 score" + on
                    + (last.contains("macro") ? " (mean over classes)" : "") + ", 0 to 1", Direction.HIGHER);
            case "precision", "recall" -> new MetricMeaning(metric, last + on + ", 0 to 1", Direction.HIGHER);
            case "mse" -> new MetricMeaning(metric, "mean squared error" + on, Direction.LOWER);
            case "rmse" -> new MetricMeaning(metric, "root mean squared error" + on, Direction.LOWER);
            case "mae" -> new MetricMeaning(metric, "mean absolute error" + on, Direction.LOWER);
            default -> new MetricMeaning(metric, split.isEmpty() ? "" : split,
                    last.contains("error") || last.contains("loss") ? Direction.LOWER : Direction.NEITHER);
        };
    }

    private static boolean any(java.util.Collection<String> siblings, String... endings) {
        for (String s : siblings) {
            for (String e : endings) {
                if (s.toLowerCase(Locale.ROOT).endsWith(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lossKind(java.util.Collection<String> siblings) {
        if (any(siblings, ".mse", ".rmse", ".mae")) {
            return "squared error (the regression loss)";
        }
        if (any(siblings, "accuracy", "perplexity", "nats_per_token", "bits_per_char", "f1", "f1_macro")) {
            return "cross-entropy";
        }
        return "the training objective";
    }

    private static String lossUnit(java.util.Collection<String> siblings) {
        return lossKind(siblings).equals("cross-entropy") ? ", nats" : "";
    }

    /** Every metric name an experiment reports, final or per epoch: the siblings for {@link #of(String, java.util.Collection)}. */
    public static java.util.Set<String> metricsOf(org.rnnlab.reporting.model.ExperimentRecord experiment) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        experiment.variants().forEach(v -> {
            names.addAll(v.finalMetrics().keySet());
            v.epochs().forEach(e -> names.addAll(e.metrics().keySet()));
        });
        return names;
    }

    /** "cross-entropy on the validation set, nats; lower is better". */
    public String describe() {
        if (meaning.isEmpty()) {
            return direction.words;
        }
        return direction.words.isEmpty() ? meaning : meaning + "; " + direction.words;
    }
}
