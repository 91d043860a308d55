package org.rnnlab.model.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.api.data.Batch;

/**
 * Cuts a split into mini-batches of example indices. Every example is in exactly one batch (the last
 * batch may be smaller; none is dropped).
 *
 * <p>{@link #shuffled} buckets by length to waste little padding and still shuffles: it shuffles all
 * indices by seed, sorts them by length within chunks of {@code bucketBatches} batches, cuts each chunk
 * into batches, then shuffles the order of the batches by the same seed. The same lengths, batch size
 * and seed always give the same batches. Use {@link #epochSeed} for a different order each epoch.
 *
 * @since 0.1
 */
public final class Batcher {
    /** Batches per sorting chunk when none is given: enough to bucket well, few enough to stay random. */
    public static final int DEFAULT_BUCKET_BATCHES = 50;

    private final int batchSize;
    private final int bucketBatches;

    /** A batcher with {@link #DEFAULT_BUCKET_BATCHES}. */
    public Batcher(int batchSize) {
        this(batchSize, DEFAULT_BUCKET_BATCHES);
    }

    /**
     * @param batchSize     examples per batch, at least 1
     * @param bucketBatches batches per chunk sorted by length; 1 sorts within a batch only (no bucketing)
     */
    public Batcher(int batchSize, int bucketBatches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1 but was " + batchSize);
        }
        if (bucketBatches < 1) {
            throw new IllegalArgumentException("bucket size must be at least 1 batch but was " + bucketBatches);
        }
        this.batchSize = batchSize;
        this.bucketBatches = bucketBatches;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Length-bucketed batches in an order fixed by {@code seed}; {@code lengths[i]} is example i's length. */
    public List<Batch> shuffled(int[] lengths, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[lengths.length];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        int chunk = Math.multiplyExact(batchSize, bucketBatches);
        List<Batch> batches = new ArrayList<>((lengths.length + batchSize - 1) / batchSize);
        for (int from = 0; from < order.length; from += chunk) {
            int to = Math.min(order.length, from + chunk);
            sortByLength(order, from, to, lengths);
            cut(order, from, to, lengths, batches);
        }
        Batch[] shuffledBatches = batches.toArray(Batch[]::new);
        for (int i = shuffledBatches.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Batch t = shuffledBatches[i];
            shuffledBatches[i] = shuffledBatches[j];
            shuffledBatches[j] = t;
        }
        return List.of(shuffledBatches);
    }

    /** Batches in index order, for evaluation: 0..B-1, B..2B-1, ... */
    public List<Batch> sequential(int[] lengths) {
        int[] order = new int[lengths.length];
        Arrays.setAll(order, i -> i);
        List<Batch> batches = new ArrayList<>();
        cut(order, 0, order.length, lengths, batches);
        return List.copyOf(batches);
    }

    /**
     * Batches for examples that are consecutive pieces of one text, read as {@code batchSize} runs of
     * equal length (the runs one after the other give the pieces back; the last run may be shorter):
     * batch i holds piece i of every run that has one, run order kept, {0, r, 2r, ...}, {1, r+1, ...}.
     * So row k of batch i continues row k of batch i-1, and a shorter batch lacks only its last rows:
     * what stateful training needs to carry the state from one batch to the next.
     */
    public List<Batch> strided(int[] lengths) {
        int runLength = (lengths.length + batchSize - 1) / batchSize;
        List<Batch> batches = new ArrayList<>(runLength);
        for (int i = 0; i < runLength; i++) {
            int members = 0;
            while (members < batchSize && (long) members * runLength + i < lengths.length) {
                members++;
            }
            int[] order = new int[members];
            for (int k = 0; k < members; k++) {
                order[k] = k * runLength + i;
            }
            cut(order, 0, members, lengths, batches);
        }
        return List.copyOf(batches);
    }

    /** A seed for one epoch of a run, so that each epoch has its own order but runs repeat exactly. */
    public static long epochSeed(long runSeed, int epoch) {
        // SplittableRandom's mixing spreads nearby (seed, epoch) pairs far apart.
        return new SplittableRandom(runSeed ^ (0x9E3779B97F4A7C15L * (epoch + 1L))).nextLong();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Stable sort of {@code order[from, to)} by length: ties keep their shuffled order. */
    private static void sortByLength(int[] order, int from, int to, int[] lengths) {
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = ((long) lengths[order[i]] << 32) | (i - from);
        }
        Arrays.sort(keys);
        int[] sorted = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            sorted[k] = order[from + (int) (keys[k] & 0xFFFFFFFFL)];
        }
        System.arraycopy(sorted, 0, order, from, sorted.length);
    }

    private void cut(int[] order, int from, int to, int[] lengths, List<Batch> out) {
        for (int start = from; start < to; start += batchSize) {
            int[] indices = Arrays.copyOfRange(order, start, Math.min(to, start + batchSize));
            int steps = 0;
            for (int i : indices) {
                if (lengths[i] < 0) {
                    throw new IllegalArgumentException("example " + i + " has a negative length " + lengths[i]);
                }
                steps = Math.max(steps, lengths[i]);
            }
            out.add(new Batch(indices, steps));
        }
    }
}
