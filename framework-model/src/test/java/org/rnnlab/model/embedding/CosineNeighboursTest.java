package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineNeighboursTest {
    // rows 0-2 point along x, rows 3-5 along y; row 6 is zero (similar to nothing)
    private static final float[] TABLE = {
        1, 0, 2, 0.1f, 3, -0.2f,
        0, 1, 0.2f, 2, -0.1f, 3,
        0, 0};

    @Test
    void neighboursAreRankedByCosineWithTheRowItselfLeftOut() {
        CosineNeighbours n = new CosineNeighbours(TABLE, 2);
        var nearest = n.nearest(0, TopRows.all(7), 2);
        assertThat(nearest).extracting(CosineNeighbours.Neighbour::row).containsExactly(1, 2);
        // cos((1,0), (2,0.1)) = 2 / sqrt(4.01)
        assertThat(nearest.getFirst().cosine()).isCloseTo(2 / Math.sqrt(4.01), within(1e-7));
        assertThat(n.nearest(6, TopRows.all(7), 1).getFirst().cosine()).isZero();
    }

    @Test
    void purityCountsNeighboursOfTheSameClassAndSkipsUnclassedRows() {
        CosineNeighbours n = new CosineNeighbours(TABLE, 2);
        assertThat(n.purity(new int[] {0, 0, 0, 1, 1, 1, -1}, 2)).isEqualTo(1.0);
        // row 2 put in the y class: rows 0, 1 (class 0, size 2) are not scored at k = 2; of class 1, row 2's
        // neighbours are 0 and 1 (0 of 2 alike), rows 3-5 each have one y-row and row 2 or another among their 2
        double mixed = n.purity(new int[] {0, 0, 1, 1, 1, 1, -1}, 2);
        assertThat(mixed).isLessThan(1.0).isGreaterThan(0.0);
        assertThat(n.purity(new int[] {-1, -1, -1, -1, -1, -1, -1}, 2)).isNaN();
    }
}
