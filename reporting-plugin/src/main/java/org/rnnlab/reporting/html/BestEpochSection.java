package org.rnnlab.reporting.html;

import java.util.List;
import org.rnnlab.api.event.BestEpoch;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import static org.rnnlab.reporting.html.HtmlText.escape;

/**
 * Which epoch each run counts as its best, the metric that chose it, and whether the test metrics and
 * the saved model are that epoch's: a reader comparing test figures must know which weights made them.
 */
final class BestEpochSection {
    private BestEpochSection() {}

    /** A list of every run's best epoch, or empty when no run names one. */
    static String of(ExperimentRecord experiment) {
        List<VariantRecord> known = experiment.variants().stream().filter(v -> v.best().known()).toList();
        if (known.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h3>Best epochs</h3><ul id=\"best-epochs\">");
        for (VariantRecord v : known) {
            h.append("<li data-variant=\"").append(escape(v.name())).append("\" data-best-epoch=\"")
                    .append(v.best().epoch()).append("\"><strong>").append(escape(v.name())).append("</strong>: ")
                    .append(sentence(v)).append("</li>");
        }
        return h.append("</ul>").toString();
    }

    /** One run's best epoch as a paragraph of its own page, or empty. */
    static String ofRun(VariantRecord v) {
        return v.best().known() ? "<p class=\"explain\" id=\"best-epoch\" data-best-epoch=\"" + v.best().epoch() + "\">"
                + sentence(v) + "</p>" : "";
    }

    private static String sentence(VariantRecord v) {
        BestEpoch b = v.best();
        String where = "epoch " + b.epoch() + " of " + v.epochs().size() + ", chosen by " + escape(b.metric())
                + " (" + Numbers.format(b.value()) + ")";
        return where + (b.restored()
                ? "; its weights were restored, so the test metrics and the saved model are that epoch's"
                : "; the test metrics and the saved model are the last epoch's");
    }
}
