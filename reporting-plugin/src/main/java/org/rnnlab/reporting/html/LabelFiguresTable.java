package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import org.rnnlab.reporting.model.ConfusionRecord;

/**
 * Precision, recall, F1 and support of every label (class or tag) of one confusion matrix, as a table:
 * what a tagger's report shows per tag. A label never predicted has precision 0, one never present
 * recall 0 (no credit for what was not done), as the CoNLL evaluation and scikit-learn count them.
 */
final class LabelFiguresTable {
    private LabelFiguresTable() {}

    static String of(ConfusionRecord c) {
        StringBuilder h = new StringBuilder("<table class=\"label-figures\"><caption>per label, epoch ").append(c.epoch())
                .append(", ").append(escape(c.split())).append(" split</caption><thead><tr><th scope=\"col\">label</th>"
                        + "<th scope=\"col\">precision</th><th scope=\"col\">recall</th><th scope=\"col\">F1</th>"
                        + "<th scope=\"col\">support</th></tr></thead><tbody>");
        int k = c.labels().size();
        for (int label = 0; label < k; label++) {
            long correct = c.counts().get(label).get(label);
            long support = 0;
            long predicted = 0;
            for (int o = 0; o < k; o++) {
                support += c.counts().get(label).get(o);
                predicted += c.counts().get(o).get(label);
            }
            double precision = predicted == 0 ? 0 : (double) correct / predicted;
            double recall = support == 0 ? 0 : (double) correct / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            h.append("<tr><th scope=\"row\">").append(escape(c.labels().get(label))).append("</th><td>")
                    .append(Numbers.format(precision)).append("</td><td>").append(Numbers.format(recall)).append("</td><td>")
                    .append(Numbers.format(f1)).append("</td><td>").append(support).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }
}
