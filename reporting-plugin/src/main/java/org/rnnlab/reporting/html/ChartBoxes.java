package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.List;

/** The place of each chart on a page: a titled box with the chart's meaning, a canvas and, for charts with frames, a slider. */
final class ChartBoxes {
    private ChartBoxes() {}

    static String of(List<ChartSpec> charts, String section) {
        StringBuilder h = new StringBuilder("<div class=\"charts\">");
        for (ChartSpec c : charts) {
            if (!c.section().equals(section)) {
                continue;
            }
            h.append("<div class=\"chart-box\"><h3>").append(escape(c.title())).append("</h3>");
            if (!c.note().isEmpty()) {
                h.append("<p class=\"explain\">").append(escape(c.note())).append("</p>");
            }
            if (c.logY() && c.hasZeros()) {
                h.append("<p class=\"explain underflow\">▲ on the bottom edge: a value of exactly 0 (it underflowed float32), "
                        + "which a log axis cannot place; its tooltip says \"0 (underflow)\".</p>");
            }
            if (c.allPositive()) {
                h.append("<label class=\"log-toggle\"><input type=\"checkbox\" class=\"log-toggle\" data-chart=\"").append(escape(c.id()))
                        .append('"').append(c.logY() ? " checked" : "").append("> log scale</label>");
            }
            if (c.frameLabels().size() > 1) {
                int last = c.frameLabels().size() - 1;
                h.append("<label class=\"stepper\">step through epochs <input type=\"range\" class=\"frame-slider\" data-chart=\"")
                        .append(escape(c.id())).append("\" min=\"0\" max=\"").append(last).append("\" value=\"").append(last)
                        .append("\"> <output>").append(escape(c.frameLabels().get(last))).append("</output></label>");
            }
            h.append("<div class=\"canvas-wrap\"><canvas class=\"chart\" id=\"").append(escape(c.id())).append("\" role=\"img\" aria-label=\"")
                    .append(escape(c.title())).append("\"></canvas></div></div>");
        }
        return h.append("</div>").toString();
    }

    static boolean any(List<ChartSpec> charts, String section) {
        return charts.stream().anyMatch(c -> c.section().equals(section));
    }
}
