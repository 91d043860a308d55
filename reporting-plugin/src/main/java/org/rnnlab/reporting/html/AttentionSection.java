package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.reporting.model.AttentionRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * Attention heatmaps of the sequence-to-sequence variants with attention: for the same few examples, one
 * grid per example of source tokens (columns) by output tokens (rows), shaded by the weight each output
 * token gave each source token, with a slider that steps through the epochs (every epoch's grids are in
 * the page; the script shows one epoch at a time, as for the confusion matrices).
 */
final class AttentionSection {
    private AttentionSection() {}

    static boolean applies(ExperimentRecord experiment) {
        return experiment.variants().stream().anyMatch(v -> !v.attention().isEmpty());
    }

    static String of(ExperimentRecord experiment) {
        StringBuilder h = new StringBuilder("<p class=\"explain\">Each grid is one example: the source text runs along the "
                + "top, the model's output down the side, and a cell is darker the more that output token attended to that "
                + "source token (each row sums to 1). A trained model's grid shows which characters it reads for each "
                + "part of the output. Use the slider to step through the epochs.</p><div class=\"attentions\">");
        int index = 0;
        for (VariantRecord v : experiment.variants()) {
            List<AttentionRecord> epochs = v.attention();
            if (epochs.isEmpty()) {
                continue;
            }
            String id = "attention-" + index++;
            int last = epochs.size() - 1;
            h.append("<figure class=\"attention-box\" data-variant=\"").append(escape(v.name())).append("\"><figcaption>")
                    .append(escape(v.name())).append(' ').append(StatusBadge.of(v)).append("</figcaption>");
            h.append("<label class=\"stepper\">step through epochs <input type=\"range\" class=\"attention-slider\" data-target=\"")
                    .append(id).append("\" min=\"0\" max=\"").append(last).append("\" value=\"").append(last).append("\"")
                    .append(last == 0 ? " disabled" : "").append("> <output>").append(escape(caption(epochs.get(last))))
                    .append("</output></label><div id=\"").append(id).append("\">");
            for (int i = 0; i < epochs.size(); i++) {
                AttentionRecord r = epochs.get(i);
                h.append("<div class=\"attention-step\" data-step=\"").append(i).append("\" data-caption=\"")
                        .append(escape(caption(r))).append('"').append(i != last ? " hidden" : "").append('>');
                for (AttentionMap m : r.maps()) {
                    h.append(grid(m));
                }
                h.append("</div>");
            }
            h.append("</div></figure>");
        }
        return h.append("</div>").toString();
    }

    private static String caption(AttentionRecord r) {
        return "epoch " + r.epoch() + ", " + r.split() + " split";
    }

    /** One example's grid; the weight is a CSS variable so that a cell costs a few bytes. */
    static String grid(AttentionMap m) {
        double[][] w = m.weights();
        StringBuilder h = new StringBuilder("<table class=\"attention\" data-rows=\"").append(m.output().size())
                .append("\" data-columns=\"").append(m.source().size()).append("\"><thead><tr><th></th>");
        for (String s : m.source()) {
            h.append("<th scope=\"col\">").append(escape(shown(s))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int t = 0; t < w.length; t++) {
            h.append("<tr><th scope=\"row\">").append(escape(shown(m.output().get(t)))).append("</th>");
            for (double x : w[t]) {
                h.append("<td style=\"--w:").append(String.format(Locale.ROOT, "%.2f", x)).append("\"></td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    /** A token as a column or row label: a space is shown as an open box, so it can be seen. */
    private static String shown(String token) {
        return token.equals(" ") ? "␣" : token;
    }
}
