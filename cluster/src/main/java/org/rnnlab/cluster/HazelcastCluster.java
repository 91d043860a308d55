package org.rnnlab.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.runtime.ClusterLauncher;
import org.rnnlab.runtime.ClusterSettings;

/** The {@link ClusterLauncher} on Hazelcast's embedded members ({@link MemberConfig}). */
public final class HazelcastCluster implements ClusterLauncher {
    /** Hazelcast's own INFO lines (banners, partition tables) would drown the lab's output; warnings still show. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    /**
     * Warnings that say nothing a lab user can act on: the internal JDK packages Hazelcast would like opened (a
     * module in a layer of its own cannot be given them on the command line), TCP keep-alive options this JDK
     * lacks, and blocking queue reads retried while partitions move to a member that joined. Kept here, as
     * {@code java.util.logging} holds its loggers weakly.
     */
    private static final List<Logger> SILENCED = List.of(
            Logger.getLogger("com.hazelcast.instance.impl.HazelcastInstanceFactory"),
            Logger.getLogger("com.hazelcast.spi.impl.operationparker"));
    /**
     * A member that cannot bind its port: Hazelcast logs it as SEVERE with a stack trace, and {@link #start} says
     * it again in one line ("cannot start a cluster member at ...: Port [5701] is already in use ...").
     */
    private static final Logger ADDRESS_PICKER = Logger.getLogger("com.hazelcast.instance.AddressPicker");

    public HazelcastCluster() {}

    @Override
    public Coordinator coordinate(ClusterSettings settings, ComponentRegistry registry) {
        WorkerContext own = new WorkerContext(registry, settings.slots(), new PrintWriter(java.io.Writer.nullWriter()));
        return new ClusterCoordinator(start(settings, "coordinator", own), own);
    }

    @Override
    public void work(ClusterSettings settings, ComponentRegistry registry, PrintWriter out) throws InterruptedException {
        WorkerContext context = new WorkerContext(registry, settings.slots(), out);
        HazelcastInstance member = start(settings, "worker", context);
        CountDownLatch left = new CountDownLatch(1);
        member.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                left.countDown();
            }
        });
        context.say("lab worker: member " + member.getCluster().getLocalMember().getAddress() + " of " + settings
                + "; " + member.getCluster().getMembers().size() + " members; trains up to " + settings.slots()
                + " variants at once (Ctrl-C leaves)");
        try {
            left.await();
        } finally {
            context.close();
        }
    }

    /** A member of the cluster; throws {@link ConfigException} when it cannot listen or the members refused it. */
    static HazelcastInstance start(ClusterSettings settings, String role, WorkerContext context) {
        if (HAZELCAST_LOG.getLevel() == null) { // unless the logging configuration says otherwise
            HAZELCAST_LOG.setLevel(Level.WARNING);
            SILENCED.forEach(l -> l.setLevel(Level.SEVERE));
            ADDRESS_PICKER.setLevel(Level.OFF);
        }
        HazelcastInstance member;
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // Hazelcast's threads inherit it: the loader of the layer the cluster module and Hazelcast are in
        thread.setContextClassLoader(HazelcastCluster.class.getClassLoader());
        try {
            member = Hazelcast.newHazelcastInstance(MemberConfig.of(settings, role, context));
        } catch (RuntimeException e) {
            context.close();
            throw new ConfigException("cannot start a cluster member at " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage());
        } finally {
            thread.setContextClassLoader(caller);
        }
        List<String> others = others(settings);
        if (!others.isEmpty() && member.getCluster().getMembers().size() == 1) {
            member.shutdown();
            context.close();
            throw new ConfigException(refusal(settings, others));
        }
        return member;
    }

    private static List<String> others(ClusterSettings settings) {
        List<String> others = new ArrayList<>(settings.join());
        others.remove(settings.bind() + ":" + settings.port());
        return others;
    }

    /** Why no member took this one in: nothing listens at the addresses, or what listens has another name or secret. */
    private static String refusal(ClusterSettings settings, List<String> others) {
        List<String> listening = others.stream().filter(HazelcastCluster::listens).toList();
        if (listening.isEmpty()) {
            return "cannot join cluster '" + settings.name() + "': no member listens at " + String.join(", ", others);
        }
        return "refused by the member at " + String.join(", ", listening) + ": it belongs to another cluster, or the "
                + "cluster name ('" + settings.name() + "') or the shared secret differ";
    }

    private static boolean listens(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? ClusterSettings.DEFAULT_PORT : Integer.parseInt(address.substring(colon + 1));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
