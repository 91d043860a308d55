package org.rnnlab.reporting.html;

import java.util.List;

/**
 * The controls above the learning curves: smoothing (an exponential moving average, off by default), and,
 * when a chart holds means over seeds, whether it shows the means with their bands or every run.
 */
final class CurveControls {
    private CurveControls() {}

    static String of(List<ChartSpec> charts) {
        boolean means = charts.stream().anyMatch(c -> c.section().equals(ChartPlan.CURVES)
                && c.series().stream().anyMatch(s -> s.kind() == ChartSpec.Kind.MEAN));
        return "<div class=\"curve-controls\"><label>smoothing <input type=\"range\" id=\"smoothing\" min=\"0\" max=\"0.9\" "
                + "step=\"0.1\" value=\"0\" aria-label=\"smoothing of the learning curves\"> <output>off</output></label>"
                + (means ? "<label>seeds: <select id=\"seed-view\"><option value=\"mean\" selected>mean and band (lowest to highest seed)"
                        + "</option><option value=\"runs\">every run</option></select></label>" : "")
                + "<span>★ best epoch of a run (the epoch whose metric chose it)</span></div>";
    }
}
