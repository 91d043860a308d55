package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.model.ConfusionRecord;

class LabelFiguresTableTest {

    @Test
    void figuresPerLabelFromTheMatrix() {
        // true B-PER: 2 right, 1 as O; true O: 4 right; true I-PER: never predicted, 1 as O
        ConfusionRecord c = new ConfusionRecord(3, "test", List.of("B-PER", "I-PER", "O"),
                List.of(List.of(2L, 0L, 1L), List.of(0L, 0L, 1L), List.of(0L, 0L, 4L)));
        Document doc = Jsoup.parse(LabelFiguresTable.of(c));
        assertThat(doc.select("caption").text()).isEqualTo("per label, epoch 3, test split");
        // B-PER: precision 2/2, recall 2/3, F1 0.8; I-PER: 0, 0, 0; O: 4/6, 4/4, F1 0.8
        assertThat(row(doc, 0)).containsExactly("B-PER", Numbers.format(1.0), Numbers.format(2.0 / 3), Numbers.format(0.8), "3");
        assertThat(row(doc, 1)).containsExactly("I-PER", Numbers.format(0.0), Numbers.format(0.0), Numbers.format(0.0), "1");
        assertThat(row(doc, 2)).containsExactly("O", Numbers.format(4.0 / 6), Numbers.format(1.0), Numbers.format(0.8), "4");
    }

    private static List<String> row(Document doc, int i) {
        return doc.select("tbody tr").get(i).children().eachText();
    }
}
