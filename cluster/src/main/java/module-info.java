/**
 * A cluster of lab workers on Hazelcast's embedded members: {@code lab worker} and {@code lab run --cluster}.
 * The only module that depends on Hazelcast; the command line loads it (and Hazelcast) only when one of those
 * two asks for it. Hazelcast, an automatic module, reads the whole platform and uses {@code sun.misc.Unsafe}.
 */
module org.rnnlab.cluster {
    requires org.rnnlab.runtime;
    requires com.hazelcast.core;
    requires java.logging;
    requires java.se;
    requires jdk.unsupported;

    provides org.rnnlab.runtime.ClusterLauncher with org.rnnlab.cluster.HazelcastCluster;
}
