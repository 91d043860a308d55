package org.rnnlab.engine;

import java.util.Arrays;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.Kernels;

/**
 * Buffers for one run, reused from step to step: {@link #take} hands out a zeroed tensor, and after
 * {@link #releaseAll()} the same buffers are handed out again, so a step in steady state allocates
 * next to nothing. Not thread-safe: one workspace per run.
 *
 * <p>Buffers are pooled by element count. A step that takes the same sizes in the same order as the
 * step before gets the very same tensors back (the view objects too, when the shape matches), so in
 * steady state {@code take} allocates only its varargs array, if the caller's compiler does not
 * elide it.
 *
 * <p>The workspace is bounded: a size that none of the last {@value #KEPT_STEPS} steps (a step ends at
 * {@link #releaseAll()}) took is dropped with its buffers. Steps of many different shapes (sequences of
 * every length, each with a large vocabulary's logits) therefore hold what the last few steps needed,
 * not what every shape ever seen needed, while a steady step keeps all its buffers.
 */
public final class Workspace {
    /** Steps a size may go untaken before its buffers are dropped. */
    public static final int KEPT_STEPS = 4;

    private SizePool[] pools = new SizePool[16];
    private int poolCount;
    private long bytesHeld;
    private long step;

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

    /**
     * Makes every buffer handed out so far available again and ends a step: the sizes that no step of the
     * last {@value #KEPT_STEPS} took are dropped.
     */
    public void releaseAll() {
        step++;
        int kept = 0;
        for (int i = 0; i < poolCount; i++) {
            SizePool p = pools[i];
            if (p.used > 0) {
                p.lastStep = step;
            }
            p.used = 0;
            if (step - p.lastStep < KEPT_STEPS) {
                pools[kept++] = p;
            } else {
                bytesHeld -= (long) p.count * p.size * Float.BYTES;
            }
        }
        Arrays.fill(pools, kept, poolCount, null);
        poolCount = kept;
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
        p.lastStep = step + 1;
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
        /** The last step (counted by {@link #releaseAll()}) that took a buffer of this size. */
        long lastStep;

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
                zero(buffers[used]);
            }
            Tensor v = views[used];
            if (v == null || !hasShape(v, shape)) {
                v = Tensor.of(buffers[used], shape);
                views[used] = v;
            }
            used++;
            return v;
        }

        /**
         * A large buffer is zeroed on the kernel threads; a small one here, without the call: when C2 saw the
         * call in this method it stopped inlining {@code take} into its callers, and the shape arrays of their
         * {@code take(rows, cols)} calls escaped (StepAllocationTest: 288 bytes a step more).
         */
        private static void zero(float[] buffer) {
            if (buffer.length >= KernelThreads.SPLIT_MIN_STREAM) {
                Kernels.get().fill(buffer.length, 0f, buffer, 0);
            } else {
                Arrays.fill(buffer, 0f);
            }
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
