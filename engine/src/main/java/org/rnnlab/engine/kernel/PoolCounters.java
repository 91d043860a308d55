package org.rnnlab.engine.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a calling thread's kernel pool ({@link KernelThreads}) has done since it was made: how often work
 * was handed over, which thread ran the parts, and how the caller waited for the others. A profile of the
 * threading's own cost, read by benchmarks ({@link KernelThreads#counters()}).
 *
 * @param threads        the pool's threads, the caller included
 * @param handOffs       jobs handed to the pool (each a barrier: the caller waits until all parts are done)
 * @param partsOnCaller  parts the calling thread ran itself
 * @param partsOnWorkers parts the worker threads ran
 * @param callerWaits    jobs after which the caller, out of parts, had to wait for a worker
 * @param callerWaitNanos time the caller spent so waiting
 * @param callerParks    times the caller gave up spinning and parked while waiting
 * @param workerParks    times a worker gave up spinning for the next job and parked
 * @param jobNanos       wall-clock time the caller spent in jobs, from hand-off to the last part done: against
 *                       the whole run's time, the share that threads can shorten (Amdahl's parallel fraction)
 */
public record PoolCounters(int threads, long handOffs, long partsOnCaller, long partsOnWorkers, long callerWaits,
                           long callerWaitNanos, long callerParks, long workerParks, long jobNanos) {

    /** No pool: everything ran on the calling thread. */
    public static final PoolCounters NONE = new PoolCounters(1, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts from {@code earlier} to this one. */
    public PoolCounters since(PoolCounters earlier) {
        if (earlier.threads != threads) {
            return this;
        }
        return new PoolCounters(threads, handOffs - earlier.handOffs, partsOnCaller - earlier.partsOnCaller,
                partsOnWorkers - earlier.partsOnWorkers, callerWaits - earlier.callerWaits,
                callerWaitNanos - earlier.callerWaitNanos, callerParks - earlier.callerParks, workerParks - earlier.workerParks,
                jobNanos - earlier.jobNanos);
    }

    /** The running counts of one pool: the caller's in plain fields, the workers' atomic. */
    static final class Tally {
        long handOffs;
        long callerParts;
        long callerWaits;
        long callerWaitNanos;
        long callerParks;
        long jobNanos;
        final AtomicLong workerParts = new AtomicLong();
        final AtomicLong workerParks = new AtomicLong();

        PoolCounters snapshot(int threads) {
            return new PoolCounters(threads, handOffs, callerParts, workerParts.get(), callerWaits, callerWaitNanos,
                    callerParks, workerParks.get(), jobNanos);
        }
    }
}
