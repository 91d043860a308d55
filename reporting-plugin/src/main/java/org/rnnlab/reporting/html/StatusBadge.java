package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import org.rnnlab.reporting.model.VariantRecord;

/** A run's status as a coloured badge, with the reason a run ended early. */
final class StatusBadge {
    private StatusBadge() {}

    static String of(VariantRecord v) {
        String cls = v.status().name().toLowerCase(java.util.Locale.ROOT);
        return "<span class=\"badge " + cls + "\" title=\"" + escape(v.note()) + "\">" + escape(v.status().label()) + "</span>";
    }

    /** One sentence on why a run is not counted: "diverged at epoch 3, step 120: loss became NaN". */
    static String why(VariantRecord v) {
        StringBuilder s = new StringBuilder(escape(v.status().label()));
        if (v.endedEpoch() >= 0) {
            s.append(" at epoch ").append(v.endedEpoch());
        }
        if (v.endedStep() >= 0) {
            s.append(", step ").append(v.endedStep());
        }
        if (!v.note().isEmpty()) {
            s.append(": <span class=\"message\">").append(escape(v.note())).append("</span>");
        }
        return s.toString();
    }
}
