package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/** The settings every variant shares, those that differ per variant (with the seed), and the run's provenance. */
final class ConfigurationSection {
    private ConfigurationSection() {}

    static String of(ExperimentRecord experiment, List<String> dimensions) {
        Set<String> keys = new TreeSet<>();
        experiment.variants().forEach(v -> keys.addAll(v.settings().keySet()));
        keys.remove("seed");
        StringBuilder h = new StringBuilder();
        if (!experiment.variants().isEmpty()) {
            VariantRecord first = experiment.variants().getFirst();
            List<String> shared = keys.stream().filter(k -> !dimensions.contains(k)).toList();
            h.append("<h3>Settings every variant shares</h3><table class=\"settings shared\"><tbody>");
            for (String k : shared) {
                h.append("<tr><th scope=\"row\">").append(escape(k)).append("</th><td>")
                        .append(escape(first.settings().getOrDefault(k, ""))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h3>Settings that differ</h3><div class=\"scroll\"><table class=\"settings\"><thead><tr><th scope=\"col\">variant</th>"
                + "<th scope=\"col\">seed</th>");
        for (String k : dimensions) {
            h.append("<th scope=\"col\">").append(escape(k)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (VariantRecord v : experiment.variants()) {
            h.append("<tr><th scope=\"row\">").append(escape(v.name())).append("</th><td>").append(v.seed()).append("</td>");
            for (String k : dimensions) {
                h.append("<td>").append(escape(v.settings().getOrDefault(k, ""))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
        h.append("<h3>Provenance</h3>");
        if (experiment.provenance().isEmpty()) {
            h.append("<p class=\"explain\">The run recorded no provenance.</p>");
        } else {
            h.append("<table class=\"provenance\"><tbody>");
            experiment.provenance().forEach((k, v) -> h.append("<tr><th scope=\"row\">").append(escape(k)).append("</th><td>")
                    .append(escape(v)).append("</td></tr>"));
            h.append("</tbody></table>");
        }
        return h.toString();
    }
}
