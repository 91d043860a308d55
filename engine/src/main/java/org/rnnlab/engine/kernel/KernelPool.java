package org.rnnlab.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of worker threads for one calling thread ({@link KernelThreads}). A job of {@code parts}
 * parts is published with a generation number; the caller and the workers claim parts one at a time
 * until none is left, and the caller returns when every part is done. Which thread computes a part may
 * vary, but a part is always the same range of the output, so the results never do. Claiming rather than
 * assigning parts keeps a busy machine from stalling the caller on a worker the scheduler has not run
 * yet: the caller then does the parts itself. Jobs are preallocated objects whose fields are set per
 * call (a lambda per GEMM would allocate on every training step).
 *
 * <p>Waiting spins for {@value #SPIN_NANOS} ns, then yields the core for up to {@value #YIELD_NANOS} ns, then
 * parks. A parked thread that is woken is placed by the OS, and on a VM that does not tell its guest which
 * CPUs share a cache (the 2-vCPU Zen 5 of December 2026: no cache topology in {@code /sys}), Linux put a
 * woken worker on the caller's CPU whenever the worker's own was busy a moment (a compiler thread), and the
 * two then shared one CPU for long stretches while the other idled ({@code ps -L}: 51 of 53 samples with
 * both running had them on the same CPU). A yielding thread is never woken, so it keeps its CPU, while any
 * other thread that wants that CPU still gets it; between the jobs of a training step (the serial work of
 * the output layer, the loss, the optimizer) a worker therefore yields rather than parks.
 */
final class KernelPool implements AutoCloseable {
    private static final long SPIN_NANOS = 50_000;
    private static final long YIELD_NANOS = 5_000_000;

    /** A unit of work split in parts. */
    interface Job {
        void run(int part, int parts);
    }

    private final int parts;
    private final Thread caller;
    private final Thread[] workers;
    /** The generation in the high 32 bits, the next part to claim in the low 32. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private volatile Job job;
    private volatile Throwable failure;
    private final GemmJob gemm = new GemmJob();
    private final RangeJob range = new RangeJob();
    /** Set by the caller while a job runs: kernels called from a part then run on their own thread. */
    private boolean running;
    private final PoolCounters.Tally tally = new PoolCounters.Tally();
    /** The element-wise passes this pool can split. */
    final PooledPasses passes = new PooledPasses(this);

    KernelPool(int parts, String callerName) {
        this.parts = parts;
        this.caller = Thread.currentThread();
        this.workers = new Thread[parts - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::workerLoop, callerName + "-kernels-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int parts() {
        return parts;
    }

    /** Whether a job is running: a kernel called from inside a part must not hand work over again. */
    boolean running() {
        return running;
    }

    /** What this pool has done so far. */
    PoolCounters counters() {
        return tally.snapshot(parts);
    }

    /** Runs {@code job} in {@link #parts} parts and returns when all are done; rethrows a part's failure. */
    void run(Job j) {
        if (Thread.currentThread() != caller) {
            throw new IllegalStateException("a kernel pool is used only by the thread that made it");
        }
        if (running) {
            throw new IllegalStateException("a kernel pool job may not start another (a part called a pooled kernel)");
        }
        running = true;
        try {
            runParts(j);
        } finally {
            running = false;
        }
    }

    /**
     * Runs {@code task} over {@code [0, n)} on the calling thread as one part, the pool marked busy, so that
     * the kernels it calls stay on this thread too (a pass too small to split must not split its products).
     */
    void alone(int n, KernelThreads.Range task) {
        running = true; // KernelThreads.pool() hands out only a pool that is not running
        try {
            task.run(0, n);
        } finally {
            running = false;
        }
    }

    private void runParts(Job j) {
        long begin = System.nanoTime();
        long gen = generation + 1;
        job = j;
        failure = null;
        done.set(0);
        claims.set(gen << 32);
        generation = gen;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        tally.handOffs++;
        tally.callerParts += work(j, gen);
        long start = System.nanoTime();
        long spins = 0;
        while (done.get() != parts) {
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
                spins++;
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
                spins++;
            } else {
                LockSupport.parkNanos(this, SPIN_NANOS);
                tally.callerParks++;
            }
        }
        long end = System.nanoTime();
        if (spins > 0) {
            tally.callerWaits++;
            tally.callerWaitNanos += end - start;
        }
        tally.jobNanos += end - begin;
        job = null;
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Claims and runs parts of generation {@code gen} until none is left; returns how many it ran. */
    private int work(Job j, long gen) {
        int ran = 0;
        while (true) {
            long c = claims.get();
            int part = (int) c;
            if (c >>> 32 != gen || part >= parts) {
                return ran;
            }
            if (!claims.compareAndSet(c, c + 1)) {
                continue;
            }
            ran++;
            try {
                j.run(part, parts);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (done.incrementAndGet() == parts && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** A GEMM split by columns of {@code C} (see {@link VectorGemm#columns}), or by rows ({@link VectorGemm#rows}). */
    void gemm(VectorGemm.Form form, GemmTile tile, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean acc, boolean byRows) {
        gemm.set(form, tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);
        gemm.byRows = byRows;
        try {
            run(gemm);
        } finally {
            gemm.clear();
        }
    }

    /**
     * Runs {@code task} over {@code [0, n)} in {@link #parts} contiguous ranges that start at multiples
     * of {@code align} (see {@link KernelThreads#split}).
     */
    void split(int n, int align, KernelThreads.Range task) {
        range.n = n;
        range.align = align;
        range.task = task;
        try {
            run(range);
        } finally {
            range.task = null;
        }
    }

    private void workerLoop() {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (waited < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                    tally.workerParks.incrementAndGet();
                }
            }
            if (closed) {
                return;
            }
            long c = claims.get();
            seen = c >>> 32;
            Job j = job;
            if (j != null) {
                tally.workerParts.addAndGet(work(j, seen));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** A {@link KernelThreads.Range} over {@code [0, n)}, reused from call to call. */
    private static final class RangeJob implements Job {
        private int n;
        private int align;
        private KernelThreads.Range task;

        @Override
        public void run(int part, int parts) {
            int blocks = (n + align - 1) / align;
            int from = Math.min(n, PooledPasses.from(blocks, part, parts) * align);
            int to = Math.min(n, PooledPasses.from(blocks, part + 1, parts) * align);
            if (from < to) {
                task.run(from, to);
            }
        }
    }

    /** The arguments of one GEMM call, reused from call to call. */
    private static final class GemmJob implements Job {
        private VectorGemm.Form form;
        private GemmTile tile;
        private int m;
        private int n;
        private int k;
        private float[] a;
        private int aOff;
        private int lda;
        private float[] b;
        private int bOff;
        private int ldb;
        private float[] c;
        private int cOff;
        private int ldc;
        private boolean acc;
        private boolean byRows;

        void set(VectorGemm.Form form, GemmTile tile, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                 float[] c, int cOff, int ldc, boolean acc) {
            this.form = form;
            this.tile = tile;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.acc = acc;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part, int parts) {
            if (byRows) {
                VectorGemm.rows(form, tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc, part, parts);
            } else {
                VectorGemm.columns(form, tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc, part, parts);
            }
        }
    }
}
