package org.rnnlab.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Batch;

class BatcherTest {
    private static final int[] LENGTHS = new SplittableRandom(7).ints(1003, 1, 200).toArray();

    @Test
    void stridedBatchesTakePieceIOfEveryRunSoRowsContinueFromBatchToBatch() {
        // 10 pieces in 4 runs of 3 (the last run holds one): [0 1 2] [3 4 5] [6 7 8] [9]
        int[] lengths = {5, 5, 5, 5, 5, 5, 5, 5, 5, 2};
        List<Batch> batches = new Batcher(4).strided(lengths);
        assertThat(batches).extracting(b -> Arrays.toString(b.indices()))
                .containsExactly("[0, 3, 6, 9]", "[1, 4, 7]", "[2, 5, 8]");
        assertThat(batches.getFirst().steps()).isEqualTo(5);
        // every piece exactly once, and batch 1 keeps the row order of batch 0 (runs 0..2)
        assertThat(batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(new Batcher(4).strided(new int[0])).isEmpty();
        assertThat(new Batcher(32).strided(new int[] {3, 3})).extracting(b -> Arrays.toString(b.indices()))
                .containsExactly("[0, 1]");
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        Batcher batcher = new Batcher(16);
        assertThat(batcher.shuffled(LENGTHS, 42)).isEqualTo(batcher.shuffled(LENGTHS, 42));
        assertThat(batcher.shuffled(LENGTHS, 42)).isNotEqualTo(batcher.shuffled(LENGTHS, 43));
    }

    @Test
    void everyExampleIsInExactlyOneBatchAndNoneIsDropped() {
        List<Batch> batches = new Batcher(16).shuffled(LENGTHS, 1);
        int[] all = batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).sorted().toArray();
        assertThat(all).hasSize(LENGTHS.length);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
        assertThat(batches).hasSize((LENGTHS.length + 15) / 16);
        assertThat(batches).allSatisfy(b -> assertThat(b.steps())
                .isEqualTo(Arrays.stream(b.indices()).map(i -> LENGTHS[i]).max().orElseThrow()));
    }

    @Test
    void bucketingByLengthWastesLessPaddingThanNoBucketing() {
        long bucketed = padding(new Batcher(16, 50).shuffled(LENGTHS, 3));
        long unbucketed = padding(new Batcher(16, 1).shuffled(LENGTHS, 3));
        // uniform lengths in [1, 200): a random batch of 16 wastes about half its cells, a sorted chunk little
        assertThat(bucketed).isLessThan(unbucketed / 4);
    }

    @Test
    void batchOrderIsShuffledAcrossChunks() {
        List<Batch> batches = new Batcher(4, 2).shuffled(LENGTHS, 9);
        int[] steps = batches.stream().mapToInt(Batch::steps).toArray();
        int[] sorted = steps.clone();
        Arrays.sort(sorted);
        assertThat(steps).isNotEqualTo(sorted);
    }

    @Test
    void sequentialBatchesKeepIndexOrderAndTheLastMayBeSmaller() {
        List<Batch> batches = new Batcher(4).sequential(new int[] {3, 1, 4, 1, 5, 9, 2});
        assertThat(batches).containsExactly(new Batch(new int[] {0, 1, 2, 3}, 4), new Batch(new int[] {4, 5, 6}, 9));
    }

    @Test
    void epochSeedsDifferPerEpochAndRepeat() {
        assertThat(Batcher.epochSeed(5, 0)).isEqualTo(Batcher.epochSeed(5, 0)).isNotEqualTo(Batcher.epochSeed(5, 1));
    }

    private static long padding(List<Batch> batches) {
        long waste = 0;
        for (Batch b : batches) {
            for (int i : b.indices()) {
                waste += b.steps() - LENGTHS[i];
            }
        }
        return waste;
    }
}
