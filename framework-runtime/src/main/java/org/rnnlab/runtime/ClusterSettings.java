package org.rnnlab.runtime;

import java.util.List;

/**
 * How a process joins a cluster of lab members ({@code lab worker}, {@code lab run --cluster}).
 *
 * @param name    the cluster's name; members with another name never join
 * @param secret  the shared secret; members with another secret never join
 * @param bind    the address this member listens on and is reached at (127.0.0.1: this machine only)
 * @param port    the port it listens on
 * @param join    the members to join, as {@code host:port}; empty for the first member
 * @param slots   how many variants this member trains at once (0: none, it only coordinates)
 */
public record ClusterSettings(String name, String secret, String bind, int port, List<String> join, int slots) {
    /** The port a member listens on unless told otherwise (Hazelcast's). */
    public static final int DEFAULT_PORT = 5701;

    public ClusterSettings {
        join = List.copyOf(join);
        if (name == null || name.isBlank()) {
            throw new org.rnnlab.api.ConfigException("the cluster needs a name (--cluster-name)");
        }
        if (secret == null || secret.isBlank()) {
            throw new org.rnnlab.api.ConfigException("the cluster needs a shared secret: --secret-file FILE "
                    + "(or the environment variable RNNLAB_CLUSTER_SECRET)");
        }
        if (port < 1 || port > 65535) {
            throw new org.rnnlab.api.ConfigException("--port: " + port + " is not a port (1 to 65535)");
        }
        if (slots < 0) {
            throw new org.rnnlab.api.ConfigException("--threads must be at least 0 but was " + slots);
        }
    }

    @Override
    public String toString() {
        // never the secret
        return "cluster '" + name + "' at " + bind + ":" + port + (join.isEmpty() ? "" : ", joining " + join);
    }
}
