package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Token and entity scores against figures computed by hand (in the comments), including the CoNLL
 * reading of ill-formed predictions (an {@code I-} tag that opens a span, a type change inside a span).
 */
class TagScoresTest {
    static final List<String> TAGS = List.of("B-PER", "I-PER", "O", "B-LOC", "I-LOC");
    static final int BP = 0, IP = 1, O = 2, BL = 3, IL = 4;

    // "Harry Potter met Hermione Granger in London" and "Ron went to New York"
    static final int[][] GOLD = {{BP, IP, O, BP, IP, O, BL}, {BP, O, O, BL, IL}};
    static final int[][] PREDICTED = {{BP, IP, O, BP, O, O, BL}, {IP, O, O, BL, BL}};

    @Test
    void perTagFiguresAndConfusion() {
        TagScores s = TagScores.of(TAGS, GOLD, PREDICTED);
        assertThat(s.confusion()).isDeepEqualTo(new long[][] {
                {2, 1, 0, 0, 0},  // B-PER: twice right, once I-PER
                {0, 1, 1, 0, 0},  // I-PER: once right, once O
                {0, 0, 4, 0, 0},
                {0, 0, 0, 2, 0},
                {0, 0, 0, 1, 0}}); // I-LOC: predicted B-LOC
        // B-PER: 2 of 2 predicted right, 2 of 3 found
        assertFigures(s.tag("B-PER"), 1.0, 2.0 / 3, 0.8, 3);
        assertFigures(s.tag("I-PER"), 0.5, 0.5, 0.5, 2);
        // O: 4 of 5 predictions right, all 4 found: F1 = 2 * 0.8 / 1.8
        assertFigures(s.tag("O"), 0.8, 1.0, 1.6 / 1.8, 4);
        assertFigures(s.tag("B-LOC"), 2.0 / 3, 1.0, 0.8, 2);
        // never predicted: precision 0, not NaN
        assertFigures(s.tag("I-LOC"), 0, 0, 0, 1);
        assertThat(s.accuracy()).isCloseTo(9.0 / 12, within(1e-12));
        assertThat(s.macroF1()).isCloseTo((0.8 + 0.5 + 1.6 / 1.8 + 0.8 + 0) / 5, within(1e-12));
    }

    @Test
    void spansCountOnlyWhenBoundariesAndTypeAreRight() {
        // true spans: PER [0,2) PER [3,5) LOC [6,7) | PER [0,1) LOC [3,5)                  (5: 3 PER, 2 LOC)
        // predicted:  PER [0,2) PER [3,4) LOC [6,7) | PER [0,1) (opened by I-PER) LOC [3,4) LOC [4,5)  (6: 3 PER, 3 LOC)
        // right:      PER [0,2), LOC [6,7), PER [0,1)                                     (3: 2 PER, 1 LOC)
        SpanScores spans = TagScores.of(TAGS, GOLD, PREDICTED).spans();
        assertThat(spans).isNotNull();
        assertFigures(spans.overall(), 0.5, 0.6, 2 * 0.5 * 0.6 / 1.1, 5);
        assertThat(spans.perType()).extracting(TagScores.TagFigures::tag).containsExactly("LOC", "PER");
        assertFigures(spans.perType().get(0), 1.0 / 3, 0.5, 0.4, 2);
        assertFigures(spans.perType().get(1), 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
        assertThat(spans.f1()).isCloseTo(2 * 0.5 * 0.6 / 1.1, within(1e-12));
    }

    @Test
    void perfectTaggingScoresOne() {
        TagScores s = TagScores.of(TAGS, GOLD, GOLD);
        assertThat(s.spans().f1()).isEqualTo(1.0);
        assertThat(s.accuracy()).isEqualTo(1.0);
    }

    @Test
    void spanBoundariesFollowConlleval() {
        assertThat(BioSpans.of(TAGS, new int[] {BP, IL, IL, O, IP}))
                .containsExactly(new BioSpans.Span(0, 1, "PER"), new BioSpans.Span(1, 3, "LOC"), new BioSpans.Span(4, 5, "PER"));
        assertThat(BioSpans.of(TAGS, new int[] {BP, BP, IP})).containsExactly(new BioSpans.Span(0, 1, "PER"),
                new BioSpans.Span(1, 3, "PER"));
        assertThat(BioSpans.of(TAGS, new int[] {O, O})).isEmpty();
    }

    @Test
    void tagsThatAreNotBioHaveNoSpanScores() {
        List<String> boundary = List.of("none", "space");
        TagScores s = TagScores.of(boundary, new int[][] {{0, 1, 0, 1}}, new int[][] {{0, 1, 1, 0}});
        assertThat(s.spans()).isNull();
        assertFigures(s.tag("space"), 0.5, 0.5, 0.5, 2);
        assertThat(BioSpans.isBio(List.of("O"))).isFalse();
        assertThat(BioSpans.isBio(List.of("O", "B-X", "I-X"))).isTrue();
        assertThat(BioSpans.isBio(List.of("O", "B-X", "E-X"))).isFalse();
    }

    @Test
    void mismatchedSentencesAreRefused() {
        assertThatThrownBy(() -> TagScores.of(TAGS, GOLD, new int[][] {{BP}}))
                .hasMessageContaining("2 true sentences but 1 predicted");
        assertThatThrownBy(() -> TagScores.of(TAGS, new int[][] {{BP, O}}, new int[][] {{BP}}))
                .hasMessageContaining("sentence 0 has 2 true tags but 1 predicted");
    }

    private static void assertFigures(TagScores.TagFigures f, double precision, double recall, double f1, long support) {
        assertThat(f.precision()).as("%s precision", f.tag()).isCloseTo(precision, within(1e-12));
        assertThat(f.recall()).as("%s recall", f.tag()).isCloseTo(recall, within(1e-12));
        assertThat(f.f1()).as("%s F1", f.tag()).isCloseTo(f1, within(1e-12));
        assertThat(f.support()).as("%s support", f.tag()).isEqualTo(support);
    }
}
