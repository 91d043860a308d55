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

    /** This thread's pool, or null when it runs its kernels alone. */
    static KernelPool pool() {
        return POOL.get();
    }
}
