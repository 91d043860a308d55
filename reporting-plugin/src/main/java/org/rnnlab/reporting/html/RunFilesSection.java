package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import org.rnnlab.reporting.csv.CsvLayout;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * Links to the files of the run: the CSV files and the event log. Every link is relative, so the page
 * works wherever the run folder is copied.
 */
final class RunFilesSection {
    private RunFilesSection() {}

    /** The runtime's event log, beside {@code comparison.html}. */
    static final String EVENT_LOG = "events.jsonl";

    /** From the comparison page: the run's own files, then each variant's. */
    static String ofComparison(ExperimentRecord e) {
        StringBuilder h = new StringBuilder("<ul class=\"files\" id=\"run-files\">");
        link(h, CsvLayout.SUMMARY, "one row per run: status, settings, final and best metrics");
        link(h, CsvLayout.EXPERIMENT, "name, lesson text and provenance");
        link(h, EVENT_LOG, "every event of the run, from which these pages were made");
        h.append("</ul><ul class=\"files\" id=\"variant-files\">");
        for (VariantRecord v : e.variants()) {
            h.append("<li><strong>").append(escape(v.name())).append("</strong>:");
            String folder = RunLinks.variantFolder(v.name());
            for (String file : CsvLayout.variantFiles(v)) {
                h.append(" <a href=\"").append(escape(folder + file)).append("\">").append(escape(file)).append("</a>");
            }
            h.append(" <a href=\"").append(escape(RunLinks.runPage(v.name()))).append("\">").append(RunLinks.RUN_PAGE).append("</a></li>");
        }
        return h.append("</ul>").append(note()).toString();
    }

    /** From a variant's page: its files, then the run's. */
    static String ofRun(VariantRecord v) {
        StringBuilder h = new StringBuilder("<ul class=\"files\" id=\"run-files\">");
        for (String file : CsvLayout.variantFiles(v)) {
            link(h, file, "");
        }
        link(h, "../" + CsvLayout.SUMMARY, "every run of the experiment");
        link(h, "../" + EVENT_LOG, "every event of the experiment");
        return h.append("</ul>").append(note()).toString();
    }

    private static void link(StringBuilder h, String href, String what) {
        h.append("<li><a href=\"").append(escape(href)).append("\">").append(escape(href.replace("../", ""))).append("</a>")
                .append(what.isEmpty() ? "" : " — " + escape(what)).append("</li>");
    }

    private static String note() {
        return "<p class=\"explain\">Columns are described in the reporting plugin's README (CsvLayout). The links are "
                + "relative: they work wherever this run folder is copied.</p>";
    }
}
