package org.rnnlab.api.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An outcome an experiment expects, checked when its run ends ({@code lab run NAME --check} exits 1 when
 * one fails). A claim names variants by their group: the variant's name without its seed
 * ({@code lstm} for {@code lstm_s1}, {@code bag-of-words} for {@code bag-of-words_s2}); values are means over
 * the seeds of a group that trained to the end. Every claim says where its figure comes from
 * ({@link #source()}: a measured run, a paper's table).
 *
 * <p>A claim is made for the experiment's defaults: under {@code --set} overrides it is not checked, and
 * under {@code --quick} only if it was declared {@link #alsoQuick()}; the verdict then says so. More
 * seeds ({@code --seeds}) keep it checked.
 *
 * <pre>{@code
 * Claim.between(Measure.best("val.nats_per_token"), 1.6, 1.8, "measured 2026-12-01: 1.666-1.711", "rnn", "lstm", "gru")
 * Claim.order(Measure.last("test.mse"), "Hochreiter & Schmidhuber 1997", "gru", "lstm", "rnn")
 * Claim.gap(Measure.last("test.accuracy"), "rnn", "bag-of-words", 0.3, "measured: 1.00 vs 0.47")
 * Claim.tie(Measure.last("test.accuracy"), "pretrained", "random", "measured over seeds 1-3: 0.750 vs 0.748")
 * }</pre>
 */
public sealed interface Claim permits Claim.Threshold, Claim.Order, Claim.Gap, Claim.Tie {

    /** Where the figure comes from. */
    String source();

    /** Whether the claim is checked under {@code --quick} as well as at the defaults. */
    boolean checkedWhenQuick();

    /** The claim in words, with its figures. */
    String statement();

    /** The same claim, checked under {@code --quick} too: its figure holds for the quick version. */
    Claim alsoQuick();

    /** A metric of a run: its value after the run ({@code last}) or its best value over the epochs ({@code best}). */
    record Measure(String metric, boolean best) {
        public Measure {
            Objects.requireNonNull(metric, "metric");
        }

        /** The run's final value: the last epoch's, and for test metrics the best epoch's when it was restored. */
        public static Measure last(String metric) {
            return new Measure(metric, false);
        }

        /** The best value over the run's epochs. */
        public static Measure best(String metric) {
            return new Measure(metric, true);
        }

        /** "best val.loss" or "test.accuracy". */
        public String words() {
            return best ? "best " + metric : metric;
        }
    }

    /** Every listed group's mean lies in [min, max] (either may be infinite); no groups: every group. */
    record Threshold(Measure measure, List<String> groups, double min, double max, String source,
                     boolean checkedWhenQuick) implements Claim {
        public Threshold {
            groups = List.copyOf(groups);
            if (!(min <= max)) {
                throw new IllegalArgumentException("a threshold's minimum must not exceed its maximum: " + min + " > " + max);
            }
        }

        @Override
        public String statement() {
            String who = groups.isEmpty() ? "every variant" : String.join(", ", groups);
            String range = Double.isInfinite(min) ? "at most " + figure(max)
                    : Double.isInfinite(max) ? "at least " + figure(min) : "between " + figure(min) + " and " + figure(max);
            return measure.words() + " of " + who + " " + range;
        }

        @Override
        public Claim alsoQuick() {
            return new Threshold(measure, groups, min, max, source, true);
        }
    }

    /** The groups' means in order, best first (by the metric's direction: lower loss, higher accuracy). */
    record Order(Measure measure, List<String> bestFirst, String source, boolean checkedWhenQuick) implements Claim {
        public Order {
            bestFirst = List.copyOf(bestFirst);
            if (bestFirst.size() < 2) {
                throw new IllegalArgumentException("an order needs at least two groups");
            }
        }

        @Override
        public String statement() {
            return measure.words() + ": " + String.join(" better than ", bestFirst);
        }

        @Override
        public Claim alsoQuick() {
            return new Order(measure, bestFirst, source, true);
        }
    }

    /**
     * {@code better}'s mean beats {@code worse}'s by more than {@code minimum} and by more than the spread
     * over seeds (the larger range, highest minus lowest seed, of the two groups): a difference that seeds
     * alone do not make.
     */
    record Gap(Measure measure, String better, String worse, double minimum, String source, boolean checkedWhenQuick)
            implements Claim {
        public Gap {
            if (!(minimum >= 0)) {
                throw new IllegalArgumentException("a gap's minimum must be at least 0 but was " + minimum);
            }
        }

        @Override
        public String statement() {
            return measure.words() + ": " + better + " better than " + worse + " by more than " + figure(minimum)
                    + " and more than the spread over seeds";
        }

        @Override
        public Claim alsoQuick() {
            return new Gap(measure, better, worse, minimum, source, true);
        }
    }

    /**
     * {@code first}'s and {@code second}'s means differ by less than the spread over seeds (the larger range of
     * the two groups): what a comparison that seeds alone could explain says, e.g. that a change made no
     * difference this run can tell. It needs two seeds or more in a group; with one each it is not measured.
     */
    record Tie(Measure measure, String first, String second, String source, boolean checkedWhenQuick) implements Claim {
        public Tie {
            if (first.equals(second)) {
                throw new IllegalArgumentException("a tie needs two groups but was " + first + " twice");
            }
        }

        @Override
        public String statement() {
            return measure.words() + ": " + first + " and " + second + " differ by less than the spread over seeds";
        }

        @Override
        public Claim alsoQuick() {
            return new Tie(measure, first, second, source, true);
        }
    }

    static Claim between(Measure measure, double min, double max, String source, String... groups) {
        return new Threshold(measure, List.of(groups), min, max, source, false);
    }

    static Claim atMost(Measure measure, double max, String source, String... groups) {
        return new Threshold(measure, List.of(groups), Double.NEGATIVE_INFINITY, max, source, false);
    }

    static Claim atLeast(Measure measure, double min, String source, String... groups) {
        return new Threshold(measure, List.of(groups), min, Double.POSITIVE_INFINITY, source, false);
    }

    static Claim order(Measure measure, String source, String... bestFirst) {
        return new Order(measure, List.of(bestFirst), source, false);
    }

    static Claim gap(Measure measure, String better, String worse, double minimum, String source) {
        return new Gap(measure, better, worse, minimum, source, false);
    }

    static Claim tie(Measure measure, String first, String second, String source) {
        return new Tie(measure, first, second, source, false);
    }

    /**
     * The group a variant belongs to: its name without the seed the grid appended ({@code lstm_s2} ->
     * {@code lstm}, {@code lstm_s1-2} -> {@code lstm}); empty for a variant named by its seed alone ({@code s1}).
     */
    static String group(String variant, long seed) {
        String suffix = "s" + seed;
        String name = variant.replaceFirst("-\\d+$", "");
        if (name.equals(suffix)) {
            return "";
        }
        return name.endsWith("_" + suffix) ? name.substring(0, name.length() - suffix.length() - 1) : name;
    }

    /** A figure as a claim states it: up to four significant digits, no trailing zeros. */
    static String figure(double v) {
        if (v == 0 || Double.isInfinite(v) || Double.isNaN(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        String s = a < 1e-3 || a >= 1e5 ? String.format(Locale.ROOT, "%.3g", v) : new java.math.BigDecimal(v)
                .round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s;
    }
}
