package org.rnnlab.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of worker threads for one calling thread ({@link KernelThreads}): a job of {@code parts}
 * parts runs part 0 on the caller and part {@code w + 1} on worker {@code w}, so which thread computes
 * what never varies. Jobs are preallocated objects whose fields are set per call (a lambda per GEMM would
 * allocate on every training step). Waiting spins briefly, then parks: a handover between cores takes
 * microseconds, a park and wake-up tens of them.
 */
final class KernelPool implements AutoCloseable {
    private static final long SPIN_NANOS = 50_000;

    /** A unit of work split in parts. */
    interface Job {
        void run(int part, int parts);
    }

    private final int parts;
    private final Thread caller;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private volatile Job job;
    private volatile Throwable failure;
    private final GemmJob gemm = new GemmJob();
    /** The element-wise passes this pool can split. */
    final PooledPasses passes = new PooledPasses(this);

    KernelPool(int parts, String callerName) {
        this.parts = parts;
        this.caller = Thread.currentThread();
        this.workers = new Thread[parts - 1];
        for (int w = 0; w < workers.length; w++) {
            int part = w + 1;
            Thread t = new Thread(() -> work(part), callerName + "-kernels-" + part);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    int parts() {
        return parts;
    }

    /** Runs {@code job} in {@link #parts} parts and returns when all are done; rethrows a part's failure. */
    void run(Job j) {
        if (Thread.currentThread() != caller) {
            throw new IllegalStateException("a kernel pool is used only by the thread that made it");
        }
        job = j;
        failure = null;
        pending.set(workers.length);
        generation = generation + 1;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            j.run(0, parts);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        long start = System.nanoTime();
        while (pending.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        job = null;
        Throwable t = own != null ? own : failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** A GEMM split by columns of {@code C} (see {@link VectorGemm#columns}). */
    void gemm(VectorGemm.Form form, GemmTile tile, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean acc) {
        gemm.set(form, tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc);
        try {
            run(gemm);
        } finally {
            gemm.clear();
        }
    }

    private void work(int part) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                job.run(part, parts);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
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
            VectorGemm.columns(form, tile, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, acc, part, parts);
        }
    }
}
