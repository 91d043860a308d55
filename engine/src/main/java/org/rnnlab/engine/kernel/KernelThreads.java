package org.rnnlab.engine.kernel;

/**
 * How many threads the kernels called from the current thread may use. A training loop that wants one
 * model on several cores calls {@link #use(int)} on its thread; from then on the large GEMMs it runs
 * (and the element-wise passes over many rows) are split over a fixed pool of {@code n - 1} worker
 * threads plus the calling thread, each part a fixed range of output columns or rows. Results do not
 * change: every output element is computed by one thread in the order {@link Kernels} defines, so one
 * thread and several give the same bits.
 *
 * <p>The setting belongs to the calling thread (several trainings side by side each have their own
 * pool); worker threads are daemons and are stopped by {@code use(1)}. Kernels called from a thread that
 * never called {@code use} run on that thread alone. The scalar reference kernels always do.
 */
public final class KernelThreads {
    private static final ThreadLocal<KernelPool> POOL = new ThreadLocal<>();

    private KernelThreads() {}

    /**
     * Kernels called from this thread use {@code threads} threads (this one included) from now on.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void use(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("kernel threads must be at least 1 but was " + threads);
        }
        KernelPool current = POOL.get();
        if (current != null && current.parts() == threads) {
            return;
        }
        if (current != null) {
            current.close();
            POOL.remove();
        }
        if (threads > 1) {
            POOL.set(new KernelPool(threads, Thread.currentThread().getName()));
        }
    }

    /** The number of threads kernels called from this thread use (1 unless {@link #use} said otherwise). */
    public static int current() {
        KernelPool p = POOL.get();
        return p == null ? 1 : p.parts();
    }

    /** What this thread's pool has done so far ({@link PoolCounters#NONE} without one). */
    public static PoolCounters counters() {
        KernelPool p = POOL.get();
        return p == null ? PoolCounters.NONE : p.counters();
    }

    /**
     * One part of a {@link #split} pass: indices {@code [from, to)}. It must compute every index exactly as
     * it would in any other range (element-wise work, or whole output columns of a product), so that how
     * the range is cut never changes a bit; parts write disjoint indices.
     */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over {@code [0, n)}: on this thread's kernel threads in contiguous ranges that start
     * at multiples of {@code align} (the same ranges for the same {@code n}), or as one range on this thread
     * when there is no pool, when {@code work} (the pass's multiply-adds or element operations) is below
     * what pays for a hand-off, or when {@code n} holds fewer than two {@code align} blocks. Kernels called
     * from inside {@code task} run on the thread that calls them. The task is called again for every
     * pass, so a caller that must not allocate passes the same object each time.
     */
    public static void split(int n, int align, long work, Range task) {
        KernelPool p = pool();
        if (p == null) {
            task.run(0, n);
        } else if (work < SPLIT_MIN_WORK || n < 2 * align) {
            p.alone(n, task); // its products stay on this thread too: split one by one they cost more than they gain
        } else {
            p.split(n, align, task);
        }
    }

    /**
     * A pass of fewer multiply-adds than this stays on one thread, with the products it calls: ~4 M
     * multiply-adds, 20-40 us of one core's work. Measured on the 2-core Zen 5 (quiet, B=32, two threads
     * against one): time steps of 0.5 to 2.1 M multiply-adds (rnn, gru, lstm at H=128) ran 0.75x to 1.2x,
     * varying from run to run, those of 8 M and more (every cell at H=512) 1.3x to 1.6x.
     */
    public static final long SPLIT_MIN_WORK = 1L << 22;

    /**
     * A streaming pass ({@link Kernels#fill}, {@link Kernels#axpy}) over fewer elements than this stays on one
     * thread: 1 MB, ~40-80 us of one core's memory traffic, against a hand-off of a few microseconds to a
     * waiting worker. Callers on a hot path test it before calling {@code fill}, so that the call, never taken
     * for small buffers, does not cost the JIT the inlining of their caller (see {@code Workspace}).
     */
    public static final int SPLIT_MIN_STREAM = 1 << 18;

    /** This thread's pool, or null when it runs its kernels alone or is inside a pooled job already. */
    static KernelPool pool() {
        KernelPool p = POOL.get();
        return p == null || p.running() ? null : p;
    }
}
