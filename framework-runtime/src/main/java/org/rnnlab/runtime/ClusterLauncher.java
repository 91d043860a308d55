package org.rnnlab.runtime;

import java.io.PrintWriter;
import org.rnnlab.api.ComponentRegistry;

/**
 * The cluster of lab members, a service the {@code lab} command line loads only when {@code lab worker} or
 * {@code lab run --cluster} asks for it (module {@code org.rnnlab.cluster}), so that nothing listens on the
 * network and no cluster code is loaded otherwise.
 */
public interface ClusterLauncher {
    /**
     * Joins (or starts) the cluster as the member that runs an experiment and returns the executor that trains
     * its variants on the members; {@link Coordinator#close()} leaves the cluster. Throws
     * {@link org.rnnlab.api.ConfigException} when the cluster cannot be joined, saying why.
     */
    Coordinator coordinate(ClusterSettings settings, ComponentRegistry registry);

    /**
     * Joins (or starts) the cluster as a worker that trains the variants it is given with {@code registry}'s
     * plugins, printing one line per variant to {@code out}, until the process is stopped.
     */
    void work(ClusterSettings settings, ComponentRegistry registry, PrintWriter out) throws InterruptedException;

    /** A {@link VariantExecutor} on a cluster; closing it leaves the cluster. */
    interface Coordinator extends VariantExecutor, AutoCloseable {
        /** What moving the run's variants cost, one line, once the run ended (bytes, time per variant). */
        String traffic();

        @Override
        void close();
    }
}
