package org.rnnlab.reporting.html;

import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.reporting.model.ExperimentRecord;
import static org.rnnlab.reporting.html.HtmlText.escape;

/**
 * The experiment's claims at the top of the comparison page: each with its verdict, what was measured
 * and where its figure comes from, so a reader sees at once whether the run shows what the lesson says.
 */
final class ClaimsSection {
    private ClaimsSection() {}

    /** A table of the verdicts, or empty when the experiment made no claims. */
    static String of(ExperimentRecord experiment) {
        if (experiment.claims().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<table class=\"metrics\" id=\"claim-table\"><thead><tr>"
                + "<th scope=\"col\">verdict</th><th scope=\"col\">claim</th><th scope=\"col\">measured</th>"
                + "<th scope=\"col\">figure from</th></tr></thead><tbody>");
        for (ClaimChecked c : experiment.claims()) {
            String verdict = c.verdict().name();
            h.append("<tr data-verdict=\"").append(verdict).append("\"><td><span class=\"badge claim-")
                    .append(verdict.toLowerCase(java.util.Locale.ROOT)).append("\">")
                    .append(verdict.replace('_', ' ').toLowerCase(java.util.Locale.ROOT)).append("</span></td><td>")
                    .append(escape(c.claim())).append("</td><td>").append(escape(c.detail())).append("</td><td>")
                    .append(escape(c.source())).append("</td></tr>");
        }
        return h.append("</tbody></table><p class=\"explain\">Each claim is the lesson's, checked on this run when its "
                + "variants ended; values are means over the seeds that trained to the end. A claim is made for the "
                + "experiment's defaults: with --quick or --set it is not checked unless it says it holds there too."
                + " <code>lab run NAME --check</code> exits with 1 when a claim fails or cannot be measured.</p>").toString();
    }
}
