package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.SampleRecord;
import org.rnnlab.reporting.model.VariantRecord;

/** Text the language-model variants generated: the last epoch's open, earlier epochs folded. */
final class SamplesSection {
    private SamplesSection() {}

    static boolean applies(ExperimentRecord experiment) {
        return experiment.variants().stream().anyMatch(v -> !v.samples().isEmpty());
    }

    static String of(ExperimentRecord experiment) {
        StringBuilder h = new StringBuilder("<p class=\"explain\">Generated text, shown exactly as sampled. "
                + "“novel” is the share of the text not found in the training set.</p><div class=\"samples-grid\">");
        for (VariantRecord v : experiment.variants()) {
            List<SampleRecord> samples = v.samples();
            if (samples.isEmpty()) {
                continue;
            }
            h.append("<div class=\"samples\" data-variant=\"").append(escape(v.name())).append("\"><h3>").append(escape(v.name()))
                    .append(' ').append(StatusBadge.of(v)).append("</h3>");
            for (int i = samples.size() - 1; i >= 0; i--) {
                SampleRecord s = samples.get(i);
                h.append("<details").append(i == samples.size() - 1 ? " open" : "").append("><summary>").append(s.when())
                        .append(" · novel ").append(Numbers.format(100 * s.novelShare())).append("%</summary>");
                for (String text : s.texts()) {
                    h.append("<pre class=\"sample\">").append(escape(text)).append("</pre>");
                }
                h.append("</details>");
            }
            h.append("</div>");
        }
        return h.append("</div>").toString();
    }
}
