package org.rnnlab.engine;

import java.util.Arrays;

/**
 * Buffers for one run, reused from step to step: {@link #take} hands out a zeroed tensor, and after
 * {@link #releaseAll()} the same buffers are handed out again, so a step in steady state allocates
 * next to nothing. Not thread-safe: one workspace per run.
 *
 * <p>Buffers are pooled by element count. A step that takes the same sizes in the same order as the
 * step before gets the very same tensors back (the view objects too, when the shape matches), so in
 * steady state {@code take} allocates only its varargs array, if the caller's compiler does not
 * elide it.
 */
public final class Workspace {
    private SizePool[] pools = new SizePool[16];
    private int poolCount;
    private long bytesHeld;

    /** A zeroed tensor of this shape, valid until the next {@link #releaseAll()}. */
    public Tensor take(int... shape) {
        int size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeException("negative dimension in shape " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        return pool(size).take(shape);
    }

    /** Makes every buffer handed out so far available again. */
    public void releaseAll() {
        for (int i = 0; i < poolCount; i++) {
            pools[i].used = 0;
        }
    }

    /** Bytes held by this workspace (all buffers, in use or free). */
    public long bytesHeld() {
        return bytesHeld;
    }

    private SizePool pool(int size) {
        // few distinct sizes per model: a linear scan beats hashing and boxes nothing
        for (int i = 0; i < poolCount; i++) {
            if (pools[i].size == size) {
                return pools[i];
            }
        }
        if (poolCount == pools.length) {
            pools = Arrays.copyOf(pools, poolCount * 2);
        }
        SizePool p = new SizePool(size);
        pools[poolCount++] = p;
        return p;
    }

    /** The buffers of one size; {@code used} of them are handed out. */
    private final class SizePool {
        final int size;
        float[][] buffers = new float[4][];
        Tensor[] views = new Tensor[4];
        int count;
        int used;

        SizePool(int size) {
            this.size = size;
        }

        Tensor take(int[] shape) {
            if (used == count) {
                if (count == buffers.length) {
                    buffers = Arrays.copyOf(buffers, count * 2);
                    views = Arrays.copyOf(views, count * 2);
                }
                buffers[count++] = new float[size];
                bytesHeld += (long) size * Float.BYTES;
            } else {
                Arrays.fill(buffers[used], 0f);
            }
            Tensor v = views[used];
            if (v == null || !hasShape(v, shape)) {
                v = Tensor.of(buffers[used], shape);
                views[used] = v;
            }
            used++;
            return v;
        }

        private static boolean hasShape(Tensor t, int[] shape) {
            if (t.rank() != shape.length) {
                return false;
            }
            for (int i = 0; i < shape.length; i++) {
                if (t.dim(i) != shape[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
