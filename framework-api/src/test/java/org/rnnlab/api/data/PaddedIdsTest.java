package org.rnnlab.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaddedIdsTest {

    @Test
    void padsTimeMajorWithPadIdZeroAndAMask() {
        PaddedIds p = PaddedIds.timeMajor(List.of(new int[] {5, 6, 7}, new int[] {8}));
        assertThat(p.steps()).isEqualTo(3);
        assertThat(p.batchSize()).isEqualTo(2);
        assertThat(p.ids()).containsExactly(5, 8, 6, 0, 7, 0);
        assertThat(p.mask()).containsExactly(1, 1, 1, 0, 1, 0);
        assertThat(p.lengths()).containsExactly(3, 1);
        assertThat(p.at(1, 0)).isEqualTo(6);
        assertThat(p.realSteps()).isEqualTo(4);
        assertThatThrownBy(() -> PaddedIds.timeMajor(List.of(new int[] {1, 2}), 1)).hasMessageContaining("more than 1");
    }

    @Test
    void nextTokenBatchShiftsByOneWithBosAndEos() {
        NextTokenBatch b = NextTokenBatch.of(List.of(new int[] {10, 11}, new int[] {12}));
        assertThat(b.inputs().ids()).containsExactly(2, 2, 10, 12, 11, 0);
        assertThat(b.targets().ids()).containsExactly(10, 12, 11, 3, 3, 0);
        assertThat(b.inputs().mask()).containsExactly(b.targets().mask());
    }

    @Test
    void vectorsArePaddedTimeMajorWithFeaturesInnermost() {
        PaddedVectors p = PaddedVectors.timeMajor(List.of(new float[][] {{1, 2}, {3, 4}}, new float[][] {{5, 6}}));
        assertThat(p.values()).containsExactly(1, 2, 5, 6, 3, 4, 0, 0);
        assertThat(p.mask()).containsExactly(1, 1, 1, 0);
        PaddedVectors c = PaddedVectors.ofCounts(List.of(new TokenCounts(new float[] {0, 1, 2}), new TokenCounts(new float[] {3, 0, 0})));
        assertThat(c.steps()).isEqualTo(1);
        assertThat(c.features()).isEqualTo(3);
        assertThat(c.values()).containsExactly(0, 1, 2, 3, 0, 0);
    }
}
