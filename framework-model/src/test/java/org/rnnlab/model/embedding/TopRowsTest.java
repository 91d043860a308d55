package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopRowsTest {
    private static final double[] SCORES = {0.5, 0.9, 0.5, 0.9, 0.1, 0.7};

    @Test
    void theBestRowsComeFirstAndTiesGoToTheLowerRowWhateverTheOrderOffered() {
        List<TopRows.Scored> forward = TopRows.best(3, new int[] {0, 1, 2, 3, 4, 5}, r -> false, r -> SCORES[r]);
        List<TopRows.Scored> backward = TopRows.best(3, new int[] {5, 4, 3, 2, 1, 0}, r -> false, r -> SCORES[r]);
        assertThat(forward).extracting(TopRows.Scored::row).containsExactly(1, 3, 5);
        assertThat(backward).isEqualTo(forward);
        // of the two 0.5s only the lower row makes the top four
        assertThat(TopRows.best(4, TopRows.all(6), r -> false, r -> SCORES[r]))
                .extracting(TopRows.Scored::row).containsExactly(1, 3, 5, 0);
    }

    @Test
    void skippedRowsAreNeverAnswersAndKMayExceedTheRows() {
        assertThat(TopRows.best(10, TopRows.all(6), r -> r == 1 || r == 5, r -> SCORES[r]))
                .extracting(TopRows.Scored::row).containsExactly(3, 0, 2, 4);
        assertThat(TopRows.best(0, TopRows.all(6), r -> false, r -> SCORES[r])).isEmpty();
    }
}
