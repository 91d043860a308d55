package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.reporting.model.ExperimentRecorder;

/** A sequence-to-sequence run's attention maps and exact match by length, as the report shows them. */
class AttentionReportTest {
    private static AttentionMap map(double first) {
        return new AttentionMap(List.of("9", " ", "m"), List.of("0", "9", "<eos>"),
                new double[][] {{first, 1 - first, 0}, {1, 0, 0}, {0, 0.25, 0.75}});
    }

    /** Every element's text, the empty ones included (Jsoup's eachText leaves them out). */
    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::text).toList();
    }

    private static Document page() {
        ExperimentRecorder r = new ExperimentRecorder();
        r.record(new RunStarted("dates", "additive_s1", Map.of("attention", "additive"), 1, null, 2));
        r.record(new RunStarted("dates", "none_s1", Map.of("attention", "none"), 1, null, 2));
        r.record(new AttentionMaps("dates", "additive_s1", 1, "test", List.of(map(0.5), map(0.5))));
        r.record(new AttentionMaps("dates", "additive_s1", 2, "test", List.of(map(0.0), map(0.9))));
        r.record(new RunCompleted("dates", "additive_s1", RunStatus.COMPLETED,
                Map.of("test.exact_match.len06-10", 0.5, "test.exact_match.len01-05", 1.0), Map.of(), 10));
        r.record(new RunCompleted("dates", "none_s1", RunStatus.COMPLETED, Map.of("test.exact_match.len06-10", 0.0), Map.of(), 10));
        return Jsoup.parse(ReportPage.comparison(r.snapshot()));
    }

    @Test
    void everyEpochsGridsAreInThePageAndTheLastIsShown() {
        Document doc = page();
        assertThat(doc.select(".attention-box")).hasSize(1); // no grids for the variant without attention
        Element box = doc.selectFirst(".attention-box[data-variant=additive_s1]");
        Element slider = box.selectFirst("input.attention-slider");
        assertThat(slider.attr("max")).isEqualTo("1");
        assertThat(slider.attr("value")).isEqualTo("1");
        assertThat(box.selectFirst("output").text()).isEqualTo("epoch 2, test split");
        List<Element> steps = box.select("[data-step]");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).hasAttr("hidden")).isTrue();
        assertThat(steps.get(1).hasAttr("hidden")).isFalse();
        assertThat(steps.get(1).select("table.attention")).hasSize(2);
    }

    @Test
    void aGridHasASourceColumnPerTokenAndAnOutputRowPerTokenShadedByWeight() {
        Element grid = page().select(".attention-step[data-step=1] table.attention").getFirst();
        assertThat(texts(grid.select("thead th"))).containsExactly("", "9", "␣", "m");
        assertThat(grid.select("tbody th").eachText()).containsExactly("0", "9", "<eos>");
        assertThat(grid.select("tbody tr").get(2).select("td").eachAttr("style"))
                .containsExactly("--w:0.00", "--w:0.25", "--w:0.75");
        assertThat(grid.select("tbody tr").get(0).select("td").eachAttr("style"))
                .containsExactly("--w:0.00", "--w:1.00", "--w:0.00");
    }

    @Test
    void exactMatchByLengthIsOneRowPerVariantAndOneColumnPerBin() {
        Element table = page().selectFirst("#by-length table.by-length");
        assertThat(table.select("thead th").eachText()).containsExactly("variant", "01-05", "06-10");
        assertThat(table.select("tr[data-variant=additive_s1] td").eachText()).containsExactly("1", "0.5");
        assertThat(texts(table.select("tr[data-variant=none_s1] td"))).containsExactly("", "0");
    }
}
