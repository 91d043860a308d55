package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import org.rnnlab.reporting.model.ConfusionRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * Confusion-matrix heatmaps, one per classifier variant, with a slider that steps through the epochs
 * (every epoch's matrix is in the page; the script shows one at a time). Cells are shaded by the share
 * of their row, so classes of different sizes compare. Precision, recall, F1
 * and support per label ({@link LabelFiguresTable}) beside each epoch's matrix.
 */
final class ConfusionSection {
    private ConfusionSection() {}

    static boolean applies(ExperimentRecord experiment) {
        return experiment.variants().stream().anyMatch(v -> !v.evaluations().isEmpty());
    }

    static String of(ExperimentRecord experiment) {
        StringBuilder h = new StringBuilder("<p class=\"explain\">Rows are the true labels, columns the predicted ones; "
                + "each cell shows a count and is shaded by its share of the row (the diagonal is correct). Beside each matrix: "
                + "precision (right among those predicted as the label), recall (found among those truly of it), F1 and support. "
                + "Use the slider to step through the epochs.</p><div class=\"confusions\">");
        int index = 0;
        for (VariantRecord v : experiment.variants()) {
            List<ConfusionRecord> evaluations = v.evaluations();
            if (evaluations.isEmpty()) {
                continue;
            }
            String id = "confusion-" + index++;
            int last = evaluations.size() - 1;
            h.append("<figure class=\"confusion-box\" data-variant=\"").append(escape(v.name())).append("\"><figcaption>")
                    .append(escape(v.name())).append(' ').append(StatusBadge.of(v)).append("</figcaption>");
            h.append("<label class=\"stepper\">step through epochs <input type=\"range\" class=\"confusion-slider\" data-target=\"")
                    .append(id).append("\" min=\"0\" max=\"").append(last).append("\" value=\"").append(last).append("\"")
                    .append(last == 0 ? " disabled" : "").append("> <output>")
                    .append(escape(caption(evaluations.get(last)))).append("</output></label>");
            h.append("<div id=\"").append(id).append("\">");
            for (int i = 0; i < evaluations.size(); i++) {
                // each epoch's matrix with its per-label figures beside it; the slider shows one epoch at a time
                ConfusionRecord c = evaluations.get(i);
                h.append("<div class=\"confusion-step\" data-step=\"").append(i).append("\" data-caption=\"")
                        .append(escape(caption(c))).append('"').append(i != last ? " hidden" : "").append('>')
                        .append(matrix(c)).append(LabelFiguresTable.of(c)).append("</div>");
            }
            h.append("</div></figure>");
        }
        return h.append("</div>").toString();
    }

    private static String caption(ConfusionRecord c) {
        return "epoch " + c.epoch() + ", " + c.split() + " split, accuracy " + Numbers.format(c.accuracy());
    }

    private static String matrix(ConfusionRecord c) {
        StringBuilder h = new StringBuilder("<table class=\"confusion\"><thead><tr><th class=\"corner\">true ↓ / predicted →</th>");
        for (String label : c.labels()) {
            h.append("<th scope=\"col\">").append(escape(label)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int a = 0; a < c.labels().size(); a++) {
            long rowTotal = c.counts().get(a).stream().mapToLong(Long::longValue).sum();
            h.append("<tr><th scope=\"row\">").append(escape(c.labels().get(a))).append("</th>");
            for (int p = 0; p < c.labels().size(); p++) {
                long n = c.counts().get(a).get(p);
                double share = rowTotal == 0 ? 0 : (double) n / rowTotal;
                String shade = a == p ? "34,139,34" : "200,60,40";
                h.append("<td style=\"background:rgba(").append(shade).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.3f", 0.08 + 0.85 * share)).append(')')
                        .append(share > 0.55 ? ";color:#fff" : "").append("\" title=\"true ").append(escape(c.labels().get(a)))
                        .append(", predicted ").append(escape(c.labels().get(p))).append(": ").append(n).append(" (")
                        .append(Numbers.format(100 * share)).append("% of the row)\">").append(n).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }
}
