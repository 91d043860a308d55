package org.rnnlab.api.event;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * What a metric named in an event measures: its {@code unit} (empty for a plain number), which
 * {@code direction} is better, and its {@code meaning} in words. This is the one place that decides
 * whether a metric is better high or low: early stopping, the report's best-value marks and its arrows
 * all ask here.
 *
 * <p>A metric is known by the last part of its dotted name ({@code val.accuracy} -> accuracy) and by its
 * first part, the split ({@code train.}, {@code val.}, {@code test.}) or kind ({@code time.},
 * {@code grad.}). The meaning of a loss depends on what else the run reports (its <em>siblings</em>):
 * squared error next to {@code mse}, cross-entropy next to accuracy or perplexity.
 */
public record Metric(String name, String unit, Direction direction, String meaning) {

    /** Which values of a metric are better; {@link #NEITHER} for one that only describes (a gradient norm). */
    public enum Direction {
        LOWER_IS_BETTER("lower is better", "↓"), HIGHER_IS_BETTER("higher is better", "↑"), NEITHER("", "");

        private final String words;
        private final String arrow;

        Direction(String words, String arrow) {
            this.words = words;
            this.arrow = arrow;
        }

        /** "lower is better", or empty for {@link #NEITHER}. */
        public String words() {
            return words;
        }

        /** "↓" or "↑", or empty for {@link #NEITHER}. */
        public String arrow() {
            return arrow;
        }
    }

    public Metric {
        if (name == null || unit == null || direction == null || meaning == null) {
            throw new NullPointerException("a metric's name, unit, direction and meaning must not be null");
        }
    }

    /** The metric {@code name} alone; a loss is then only "the training objective". */
    public static Metric of(String name) {
        return of(name, Set.of());
    }

    /** The metric {@code name} among the other metrics of the same runs, which tell what the loss is. */
    public static Metric of(String name, Collection<String> siblings) {
        String m = name.toLowerCase(Locale.ROOT);
        String last = m.substring(m.lastIndexOf('.') + 1);
        String split = m.startsWith("train.") ? "training set" : m.startsWith("val.") ? "validation set"
                : m.startsWith("test.") ? "test set" : "";
        String on = split.isEmpty() ? "" : " on the " + split;
        if (m.equals("grad.norm.global")) {
            return new Metric(name, "", Direction.NEITHER,
                    "L2 norm of all gradients before clipping, mean over the epoch's steps");
        }
        if (m.startsWith("time.")) {
            return switch (last) {
                case "epoch_seconds" -> new Metric(name, "seconds", Direction.LOWER_IS_BETTER, "wall time of one epoch");
                case "tokens_per_second" -> new Metric(name, "tokens per second", Direction.HIGHER_IS_BETTER,
                        "training throughput");
                default -> new Metric(name, "", Direction.NEITHER, "timing (varies from run to run)");
            };
        }
        int tag = m.indexOf(".f1.");
        if (tag >= 0) {
            // a tagger's F1 per tag: val.f1.B-PER
            return new Metric(name, "0 to 1", Direction.HIGHER_IS_BETTER, "F1 of the tag '" + name.substring(tag + 4) + "'" + on);
        }
        return switch (last) {
            case "span_f1", "span_precision", "span_recall" -> new Metric(name, "0 to 1", Direction.HIGHER_IS_BETTER,
                    "entity " + last.substring(5).replace("f1", "F1") + on + " (an entity counts only with its whole span"
                            + " and type right, as the CoNLL evaluation counts)");
            case "loss" -> new Metric(name, lossUnit(siblings), Direction.LOWER_IS_BETTER, lossKind(siblings) + on);
            case "accuracy" -> new Metric(name, "0 to 1", Direction.HIGHER_IS_BETTER, "share of correct predictions" + on);
            case "nats_per_token" -> new Metric(name, "nats per token", Direction.LOWER_IS_BETTER, "cross-entropy" + on);
            case "bits_per_char", "bpc" -> new Metric(name, "bits per character", Direction.LOWER_IS_BETTER, "cross-entropy" + on);
            case "bits_per_token" -> new Metric(name, "bits per token", Direction.LOWER_IS_BETTER, "cross-entropy" + on);
            case "perplexity" -> new Metric(name, "", Direction.LOWER_IS_BETTER, "perplexity" + on + " (e to the nats per token)");
            case "f1", "macro_f1", "f1_macro" -> new Metric(name, "0 to 1", Direction.HIGHER_IS_BETTER,
                    "F1 score" + on + (last.contains("macro") ? " (mean over classes)" : ""));
            case "precision", "recall" -> new Metric(name, "0 to 1", Direction.HIGHER_IS_BETTER, last + on);
            case "mse" -> new Metric(name, "", Direction.LOWER_IS_BETTER, "mean squared error" + on);
            case "rmse" -> new Metric(name, "", Direction.LOWER_IS_BETTER, "root mean squared error" + on);
            case "mae" -> new Metric(name, "", Direction.LOWER_IS_BETTER, "mean absolute error" + on);
            default -> new Metric(name, "", unknownDirection(last), split);
        };
    }

    // a name this table does not know still says something: an error or loss falls, an accuracy or F1 rises
    private static Direction unknownDirection(String last) {
        if (last.contains("error") || last.contains("loss")) {
            return Direction.LOWER_IS_BETTER;
        }
        if (last.contains("accuracy") || last.contains("f1")) {
            return Direction.HIGHER_IS_BETTER;
        }
        return Direction.NEITHER;
    }

    private static boolean any(Collection<String> siblings, String... endings) {
        for (String s : siblings) {
            for (String e : endings) {
                if (s.toLowerCase(Locale.ROOT).endsWith(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lossKind(Collection<String> siblings) {
        if (any(siblings, ".mse", ".rmse", ".mae")) {
            return "squared error (the regression loss)";
        }
        if (any(siblings, "accuracy", "perplexity", "nats_per_token", "bits_per_char", "f1", "f1_macro")) {
            return "cross-entropy";
        }
        return "the training objective";
    }

    private static String lossUnit(Collection<String> siblings) {
        return lossKind(siblings).equals("cross-entropy") ? "nats" : "";
    }

    /** Whether a larger value is better (accuracy, F1); false for a loss and for a metric with no direction. */
    public boolean higherIsBetter() {
        return direction == Direction.HIGHER_IS_BETTER;
    }

    /** The meaning with its unit: "cross-entropy on the validation set, nats". */
    public String meaningWithUnit() {
        if (unit.isEmpty()) {
            return meaning;
        }
        return meaning.isEmpty() ? unit : meaning + ", " + unit;
    }

    /** "cross-entropy on the validation set, nats; lower is better". */
    public String describe() {
        String text = meaningWithUnit();
        if (text.isEmpty()) {
            return direction.words();
        }
        return direction.words().isEmpty() ? text : text + "; " + direction.words();
    }
}
