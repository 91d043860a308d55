package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-counted cases; 1e-12 absorbs only double rounding of the ratios. */
class ClassificationScoresTest {

    @Test
    void scoresAHandCountedCase() {
        // actual:    a a a b b c
        // predicted: a a b b a a
        ClassificationScores s = ClassificationScores.of(List.of("a", "b", "c"),
                new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 0, 0});
        assertThat(s.accuracy()).isCloseTo(3.0 / 6, within(1e-12));
        // F1(a) = 2*2/(2*2+2+1) = 4/7; F1(b) = 2/(2+1+1) = 1/2; F1(c) = 0
        assertThat(s.macroF1()).isCloseTo((4.0 / 7 + 0.5 + 0) / 3, within(1e-12));
        assertThat(s.confusion()).isDeepEqualTo(new long[][] {{2, 1, 0}, {1, 1, 0}, {1, 0, 0}});
    }

    @Test
    void perfectPredictionsScoreOne() {
        ClassificationScores s = ClassificationScores.of(List.of("neg", "pos"), new int[] {0, 1, 1}, new int[] {0, 1, 1});
        assertThat(s.accuracy()).isEqualTo(1.0);
        assertThat(s.macroF1()).isCloseTo(1.0, within(1e-12));
    }
}
