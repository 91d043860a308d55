package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import org.rnnlab.api.event.Metric;
import org.rnnlab.reporting.seeds.BootstrapInterval;

/**
 * The pairs of settings the lesson compares, each with the difference of its means over seeds and the
 * bootstrap 95% interval of that difference, drawn as a bar against zero; "not distinguishable" where
 * the interval holds 0.
 */
final class SeedComparisonSection {
    private SeedComparisonSection() {}

    static final String NOT_DISTINGUISHABLE = "not distinguishable";

    static String of(List<SeedComparison> comparisons) {
        StringBuilder h = new StringBuilder("<div class=\"scroll\"><table class=\"metrics\" id=\"seed-comparisons\"><thead><tr>"
                + "<th scope=\"col\">compared</th><th scope=\"col\">on</th><th scope=\"col\">first: mean (seeds)</th>"
                + "<th scope=\"col\">second: mean (seeds)</th><th scope=\"col\">difference (first − second)</th>"
                + "<th scope=\"col\">bootstrap 95% interval</th><th scope=\"col\"></th><th scope=\"col\">verdict</th>"
                + "</tr></thead><tbody>");
        for (SeedComparison c : comparisons) {
            String verdict = verdict(c);
            h.append("<tr data-first=\"").append(escape(c.first())).append("\" data-second=\"").append(escape(c.second()))
                    .append("\" data-metric=\"").append(escape(c.measure())).append("\" data-distinguishable=\"")
                    .append(c.interval().map(i -> String.valueOf(!i.holdsZero())).orElse("unknown")).append("\"");
            c.interval().ifPresent(i -> h.append(" data-low=\"").append(i.low()).append("\" data-high=\"").append(i.high()).append('"'));
            h.append("><th scope=\"row\">").append(escape(c.first())).append(" <span class=\"vs\">vs</span> ")
                    .append(escape(c.second())).append("<div class=\"unit\">").append(escape(c.source())).append("</div></th><td>")
                    .append(escape(c.measure())).append("</td><td class=\"num\">").append(mean(c.firstMean(), c.firstValues().length))
                    .append("</td><td class=\"num\">").append(mean(c.secondMean(), c.secondValues().length)).append("</td><td class=\"num\">")
                    .append(Numbers.format(c.firstMean() - c.secondMean())).append("</td><td class=\"num\">")
                    .append(c.interval().map(i -> Numbers.format(i.low()) + " to " + Numbers.format(i.high())).orElse("—"))
                    .append("</td><td>").append(c.interval().map(SeedComparisonSection::bar).orElse("")).append("</td><td class=\"verdict")
                    .append(verdict.equals(NOT_DISTINGUISHABLE) ? " tie" : "").append("\">").append(escape(verdict)).append("</td></tr>");
        }
        return h.append("</tbody></table></div><p class=\"explain\">Each row sets two settings' seeds side by side: the "
                + "difference of their means and its bootstrap 95% interval (" + String.format(Locale.ROOT, "%,d", BootstrapInterval.RESAMPLES)
                + " resamples of each setting's seeds with replacement, fixed seed, percentiles 2.5 and 97.5). Where the "
                + "interval holds 0 the seeds do not tell the two apart: \"not distinguishable\". With few seeds (3) the interval "
                + "is rough and tends to be too narrow; with one seed there is none (--seeds 3 gives one). Only runs that trained "
                + "to the end count. The bar spans the interval, the dot is the difference, the grey line is 0.</p>").toString();
    }

    private static String mean(double mean, int n) {
        return n == 0 ? "—" : Numbers.format(mean) + " <span class=\"count\">(" + n + ")</span>";
    }

    /** The verdict in words: which is better, "not distinguishable", or why there is no interval. */
    static String verdict(SeedComparison c) {
        if (c.firstValues().length == 0 || c.secondValues().length == 0) {
            return "not measured";
        }
        if (c.interval().isEmpty()) {
            return "one seed: no interval";
        }
        BootstrapInterval i = c.interval().get();
        if (i.holdsZero()) {
            return NOT_DISTINGUISHABLE;
        }
        Metric.Direction d = Metric.of(c.metric()).direction();
        boolean firstHigher = i.low() > 0;
        return switch (d) {
            case HIGHER_IS_BETTER -> (firstHigher ? c.first() : c.second()) + " better";
            case LOWER_IS_BETTER -> (firstHigher ? c.second() : c.first()) + " better";
            default -> (firstHigher ? c.first() : c.second()) + " higher";
        };
    }

    /** The interval as a bar on a scale that holds it and 0. */
    private static String bar(BootstrapInterval i) {
        double pad = (Math.max(0, i.high()) - Math.min(0, i.low())) * 0.08 + 1e-300;
        double lo = Math.min(0, i.low()) - pad;
        double hi = Math.max(0, i.high()) + pad;
        double w = 160;
        java.util.function.DoubleUnaryOperator x = v -> (v - lo) / (hi - lo) * w;
        return String.format(Locale.ROOT, "<svg class=\"interval-bar\" width=\"160\" height=\"16\" viewBox=\"0 0 160 16\" role=\"img\" "
                        + "aria-label=\"interval %s to %s\"><line x1=\"%.1f\" y1=\"1\" x2=\"%.1f\" y2=\"15\" class=\"zero\"/>"
                        + "<line x1=\"%.1f\" y1=\"8\" x2=\"%.1f\" y2=\"8\" class=\"span%s\"/><circle cx=\"%.1f\" cy=\"8\" r=\"3.5\"/></svg>",
                Numbers.format(i.low()), Numbers.format(i.high()), x.applyAsDouble(0), x.applyAsDouble(0), x.applyAsDouble(i.low()),
                Math.max(x.applyAsDouble(i.high()), x.applyAsDouble(i.low()) + 1), i.holdsZero() ? " tie" : "",
                x.applyAsDouble(i.difference()));
    }
}
