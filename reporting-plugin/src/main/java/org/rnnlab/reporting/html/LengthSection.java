package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * Final metrics that a task reports per bin of input length ({@code test.exact_match.len06-10}, from the
 * sequence-to-sequence task) as a table of bars: one row per variant, one column per bin, so it shows
 * where long inputs start to fail and which variant holds up.
 */
final class LengthSection {
    static final String PREFIX = "test.exact_match.len";

    private LengthSection() {}

    static boolean applies(ExperimentRecord experiment) {
        return !bins(experiment).isEmpty();
    }

    static String of(ExperimentRecord experiment) {
        TreeSet<String> bins = bins(experiment);
        StringBuilder h = new StringBuilder("<p class=\"explain\">Exact match of the whole output on the test split, by the "
                + "length of the source in tokens (bins of five). A bar fills its cell at 1.</p><div class=\"scroll\">"
                + "<table class=\"by-length\"><thead><tr><th>variant</th>");
        for (String bin : bins) {
            h.append("<th scope=\"col\">").append(escape(bin.substring(PREFIX.length()))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (VariantRecord v : experiment.variants()) {
            h.append("<tr data-variant=\"").append(escape(v.name())).append("\"><th scope=\"row\">").append(escape(v.name()))
                    .append("</th>");
            for (String bin : bins) {
                Double x = v.finalMetrics().get(bin);
                if (x == null || x.isNaN()) {
                    h.append("<td></td>");
                } else {
                    h.append("<td style=\"--v:").append(String.format(Locale.ROOT, "%.3f", x)).append("\">")
                            .append(Numbers.format(x)).append("</td>");
                }
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    private static TreeSet<String> bins(ExperimentRecord experiment) {
        TreeSet<String> bins = new TreeSet<>();
        for (VariantRecord v : experiment.variants()) {
            v.finalMetrics().keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(bins::add);
        }
        return bins;
    }
}
