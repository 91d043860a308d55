package org.rnnlab.cluster;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What moving variants between members cost, counted where it happens: event lines and their bytes, checkpoint
 * bytes put into the replicated map, result files sent back, epochs, and the coordinator's own time per variant
 * outside training (handing it over, relaying its events, writing its files).
 */
final class Traffic {
    final AtomicLong eventLines = new AtomicLong();
    final AtomicLong eventBytes = new AtomicLong();
    final AtomicLong checkpointBytes = new AtomicLong();
    final AtomicLong fileBytes = new AtomicLong();
    final AtomicLong epochs = new AtomicLong();
    final AtomicLong variants = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    final AtomicLong coordinationNanos = new AtomicLong();

    /** One line: totals, per epoch and per variant. */
    String line() {
        long e = Math.max(1, epochs.get());
        long v = Math.max(1, variants.get());
        long moved = eventBytes.get() + checkpointBytes.get() + fileBytes.get();
        return String.format(Locale.ROOT, "cluster traffic: %d variants (%d restarted), %d epochs; %,d event lines "
                        + "(%,d bytes), %,d checkpoint bytes, %,d file bytes; %,d bytes per epoch; coordination "
                        + "%.1f ms per variant", variants.get(), restarts.get(), epochs.get(), eventLines.get(),
                eventBytes.get(), checkpointBytes.get(), fileBytes.get(), moved / e,
                coordinationNanos.get() / 1e6 / v);
    }
}
