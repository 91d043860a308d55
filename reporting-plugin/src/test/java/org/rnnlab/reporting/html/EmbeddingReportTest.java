package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EmbeddingMap;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.reporting.model.ExperimentRecorder;

/** A run's word-embedding maps as the report draws them from the events alone. */
class EmbeddingReportTest {
    private static EmbeddingMap map(double shift) {
        List<String> words = List.of("good", "great", "bad", "<b>awful</b>");
        return new EmbeddingMap("sentiment", "gru_s1", "embedding.weight", words, List.of(
                new EmbeddingMap.Projection("pca", "principal axes", List.of(0.0, 0.1, 1.0 + shift, 1.1), List.of(0.0, 0.1, 1.0, 1.0)),
                new EmbeddingMap.Projection("cosine-mds", "angles", List.of(0.0, 0.0, 1.0, 1.0), List.of(0.0, 0.2, 1.0, 0.9))),
                List.of(new EmbeddingMap.Probe("good", List.of(new EmbeddingMap.Neighbour("great", 0.912),
                        new EmbeddingMap.Neighbour("<b>awful</b>", -0.25)))));
    }

    private static Document page() {
        ExperimentRecorder r = new ExperimentRecorder();
        r.record(new RunStarted("sentiment", "gru_s1", Map.of("cell", "gru"), 1, null, 2));
        r.record(new RunStarted("sentiment", "bow_s1", Map.of("cell", "dense"), 1, null, 2));
        r.record(new EmbeddingImported("sentiment", "gru_s1", "vectors.txt", 3, 4, false));
        r.record(map(5)); // a resumed run publishes its map again: the later one counts
        r.record(map(0));
        r.record(new RunCompleted("sentiment", "gru_s1", RunStatus.COMPLETED, Map.of(), Map.of(), 10));
        r.record(new RunCompleted("sentiment", "bow_s1", RunStatus.COMPLETED, Map.of(), Map.of(), 10));
        return Jsoup.parse(ReportPage.comparison(r.snapshot()));
    }

    @Test
    void eachProjectionIsAScatterOfTheWordsWithTheProbeAndItsNeighboursMarked() {
        Document doc = page();
        assertThat(doc.select("#embeddings .embedding-box")).hasSize(1); // none for the variant without a map
        Element box = doc.selectFirst(".embedding-box[data-variant=gru_s1]");
        assertThat(box.select("figure.embedding-map").eachAttr("data-method")).containsExactly("pca", "cosine-mds");
        Element pca = box.selectFirst("figure[data-method=pca] svg");
        assertThat(pca.select("g[data-word]").eachAttr("data-word")).containsExactlyInAnyOrder("good", "great", "bad", "<b>awful</b>");
        // one scale for both axes: x spans 1.1, y 1.0, so "bad" (1.0, 1.0) sits 1/1.1 of the way across and up
        Element bad = pca.selectFirst("g[data-word=bad] circle");
        double span = EmbeddingSection.SIZE - 32;
        assertThat(Double.parseDouble(bad.attr("cx"))).isCloseTo(16 + span / 1.1, org.assertj.core.api.Assertions.within(0.06));
        assertThat(Double.parseDouble(bad.attr("cy"))).isCloseTo(EmbeddingSection.SIZE - 16 - span / 1.1,
                org.assertj.core.api.Assertions.within(0.06));
        assertThat(pca.selectFirst("g[data-word=good] text").attr("font-weight")).isEqualTo("bold");
        assertThat(pca.selectFirst("g[data-word=great] circle").attr("fill")).isEqualTo("#1f5fa8");
        assertThat(pca.selectFirst("g[data-word=bad] circle").attr("fill")).isEqualTo("#999");
    }

    @Test
    void theNeighboursAreListedAndTheImportSaid() {
        Element box = page().selectFirst(".embedding-box[data-variant=gru_s1]");
        assertThat(box.select("table.neighbours tbody tr").getFirst().text()).isEqualTo("good great (0.91), <b>awful</b> (-0.25)");
        assertThat(box.text()).contains("Embedding began as the vectors of vectors.txt: 3 of 4 words found there")
                .contains("frozen: training left it unchanged");
    }
}
