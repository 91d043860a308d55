package org.rnnlab.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rnnlab.runtime.ClusterSettings;

/**
 * The Hazelcast configuration of a lab member, built in code (no XML or YAML is read, nothing from the
 * environment): it listens on the given address and port only, finds the others only through the addresses it
 * is given (TCP-IP join; multicast and the cloud auto-detection off), never calls home, and logs through
 * {@code java.util.logging}.
 *
 * <p>Hazelcast's open-source edition has no member authentication (its security and TLS are Enterprise
 * features), and it refuses a member whose cluster name differs. So the name a member presents is the
 * cluster's name followed by a SHA-256 digest of the name and the shared secret: a member with another secret
 * or another name presents another name and is refused at the join, and the secret itself never travels. The
 * digest does travel in the clear, so this keeps out strangers and mistakes, not someone who can read the
 * traffic: on an untrusted network, put the members behind a VPN or firewall (see the README).
 */
final class MemberConfig {
    /** The executor that trains variants on the members. */
    static final String EXECUTOR = "rnnlab-variants";
    /** The replicated map of each variant's last checkpoint, by run and variant. */
    static final String CHECKPOINTS = "rnnlab-checkpoints";
    /** The queues of a variant's events, one per attempt. */
    static final String EVENTS = "rnnlab-events:";
    /** Member attribute: how many variants the member trains at once. */
    static final String SLOTS = "rnnlab.slots";
    /** Member attribute: worker or coordinator. */
    static final String ROLE = "rnnlab.role";
    /** The member's entry in its user context: its {@link WorkerContext}. */
    static final String CONTEXT = "rnnlab.worker";

    private MemberConfig() {}

    static Config of(ClusterSettings settings, String role, WorkerContext context) {
        Config config = new Config();
        config.setClusterName(presentedName(settings.name(), settings.secret()));
        config.setInstanceName("rnnlab-" + role + "-" + settings.bind() + "-" + settings.port());
        config.setClassLoader(MemberConfig.class.getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // a lab member joins seconds after start and a killed one is dropped within seconds, not a minute
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        config.setProperty("hazelcast.partition.migration.timeout", "30");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.bind());
        network.setPublicAddress(settings.bind() + ":" + settings.port());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(3);
        settings.join().forEach(join.getTcpIpConfig()::addMember);
        join.getTcpIpConfig().addMember(settings.bind() + ":" + settings.port());
        config.getMapConfig(CHECKPOINTS).setBackupCount(1);
        config.getQueueConfig(EVENTS + "*").setBackupCount(1);
        config.getExecutorConfig(EXECUTOR).setPoolSize(Math.max(1, settings.slots()) + 1);
        config.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(settings.slots()));
        config.getMemberAttributeConfig().setAttribute(ROLE, role);
        ConcurrentMap<String, Object> user = new ConcurrentHashMap<>();
        user.put(CONTEXT, context);
        config.setUserContext(user);
        return config;
    }

    /** The cluster name members present: {@code name-<first 16 hex digits of SHA-256(name NUL secret)>}. */
    static String presentedName(String name, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((name + '\0' + secret).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
