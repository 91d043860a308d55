package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.Targets;

class TaggedSentencesTest {
    static final List<String> TAGS = List.of("B-PER", "I-PER", "O");

    @Test
    void rowsInTimeMajorOrderGoBackToTheirSentences() {
        // "Harry Potter said" (B-PER I-PER O) and "Ron" (B-PER); time-major rows: H R | P pad | s pad
        PaddedIds tags = PaddedIds.timeMajor(List.of(new int[] {0, 1, 2}, new int[] {0}));
        ModelBatch batch = new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(List.of(new int[] {5, 6, 7}, new int[] {8}))),
                new Targets.StepClasses(tags.ids()));
        TaggedSentences sentences = new TaggedSentences();
        // real rows in order: Harry, Ron, Potter, said; the tagger got Potter wrong (O)
        sentences.add(batch, new int[] {0, 0, 1, 2}, new int[] {0, 0, 2, 2});
        TagScores scores = sentences.scores(TAGS);
        // spans: true PER[0,2) PER[0,1); predicted PER[0,1) PER[0,1): 1 of 2 right each way
        assertThat(scores.spans().f1()).isEqualTo(0.5);
        Map<String, Double> m = new TreeMap<>();
        TaggedSentences.putMetrics(scores, "test", m);
        assertThat(m).containsOnlyKeys("test.span_f1", "test.span_precision", "test.span_recall", "test.f1.B-PER",
                "test.f1.I-PER", "test.f1.O");
        assertThat(m.get("test.f1.B-PER")).isEqualTo(1.0);
        assertThat(m.get("test.f1.I-PER")).isEqualTo(0.0);
    }
}
