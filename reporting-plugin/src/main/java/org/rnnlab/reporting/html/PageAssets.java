package org.rnnlab.reporting.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rnnlab.api.RnnlabException;

/**
 * The static parts of every page, read once from this module's resources: the Chart.js bundle (copied
 * from its WebJar at build time, see the module's pom), the page script and the style sheet.
 */
final class PageAssets {
    private PageAssets() {}

    static final String CHART_JS = load("chartjs/chart.umd.js");
    static final String SCRIPT = load("report.js");
    static final String STYLE = load("report.css");
    static final String ERROR_CAPTURE = load("error-capture.js");
    static final String CHORALE_PLAYER = load("chorale-player.js");
    static final String CHORALE_STYLE = load("chorales.css");

    private static String load(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RnnlabException("the reporting plugin is missing its resource " + name
                        + " (org/rnnlab/reporting/html/" + name + "); rebuild the plugin");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // inlined scripts must not be able to end their own <script> element
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new RnnlabException("resource " + name + " contains '</script' and cannot be inlined");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
