package org.rnnlab.model.cell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Tensor;

class ReversedRowsTest {

    @Test
    void eachSequenceIsReversedOverItsOwnRealSteps() {
        // T=3, B=2 time-major; sequence 0 has 3 steps (rows 0, 2, 4), sequence 1 has 1 (row 1; rows 3, 5 padding)
        ReversedRows r = ReversedRows.of(3, 2, Tensor.of(new float[] {1, 1, 1, 0, 1, 0}, 6));
        assertThat(r.permutation()).containsExactly(4, 1, 2, 3, 0, 5);
        assertThat(r.reversedMask().toArray()).containsExactly(1, 1, 1, 0, 1, 0);
        assertThat(r.padded()).isTrue();
        for (int row = 0; row < 6; row++) {
            assertThat(r.permutation()[r.inverse()[row]]).isEqualTo(row);
        }
    }

    @Test
    void paddingInsideASequenceIsSkippedAndMovedToTheEnd() {
        // B=1, T=4: steps 0 and 2 real, 1 and 3 padding
        ReversedRows r = ReversedRows.of(4, 1, Tensor.of(new float[] {1, 0, 1, 0}, 4));
        assertThat(r.permutation()).containsExactly(2, 0, 1, 3);
        assertThat(r.reversedMask().toArray()).containsExactly(1, 1, 0, 0);
    }

    @Test
    void withoutPaddingItIsPlainTimeReversal() {
        ReversedRows r = ReversedRows.of(3, 2, null);
        assertThat(r.permutation()).containsExactly(4, 5, 2, 3, 0, 1);
        assertThat(r.reversedMask()).isNull();
        assertThat(r.padded()).isFalse();
        assertThat(ReversedRows.of(3, 2, Tensor.of(new float[] {1, 1, 1, 1, 1, 1}, 6)).permutation())
                .containsExactly(4, 5, 2, 3, 0, 1);
    }
}
