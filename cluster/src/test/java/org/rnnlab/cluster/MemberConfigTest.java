package org.rnnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.runtime.ClusterSettings;

/** The name a member presents keeps members with another secret or name out, and the configuration stays local. */
class MemberConfigTest {
    @Test
    void thePresentedNameDependsOnNameAndSecretAndDoesNotContainTheSecret() {
        String name = MemberConfig.presentedName("rnnlab", "secret one");
        assertThat(MemberConfig.presentedName("rnnlab", "secret one")).isEqualTo(name);
        assertThat(MemberConfig.presentedName("rnnlab", "secret two")).isNotEqualTo(name);
        assertThat(MemberConfig.presentedName("other", "secret one")).isNotEqualTo(name);
        // "a" + "bc" and "ab" + "c" must not meet
        assertThat(MemberConfig.presentedName("a", "bc")).isNotEqualTo(MemberConfig.presentedName("ab", "c"));
        assertThat(name).startsWith("rnnlab-").hasSize("rnnlab-".length() + 16).doesNotContain("secret");
    }

    @Test
    void membersAreFoundOnlyThroughTheGivenAddressesAndNeverCallHome() {
        ClusterSettings settings = new ClusterSettings("rnnlab", "s", "127.0.0.1", 5801, List.of("127.0.0.1:5802"), 2);
        WorkerContext context = new WorkerContext(null, 2, new PrintWriter(Writer.nullWriter()));
        try {
            Config config = MemberConfig.of(settings, "worker", context);
            var join = config.getNetworkConfig().getJoin();
            assertThat(join.getMulticastConfig().isEnabled()).isFalse();
            assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
            assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
            assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5802", "127.0.0.1:5801");
            assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
            assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
            assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
            assertThat(config.getMapConfig(MemberConfig.CHECKPOINTS).getBackupCount()).isGreaterThanOrEqualTo(1);
            assertThat(config.getQueueConfig(MemberConfig.EVENTS + "run/variant:0").getBackupCount()).isGreaterThanOrEqualTo(1);
            assertThat(config.getMemberAttributeConfig().getAttribute(MemberConfig.SLOTS)).isEqualTo("2");
        } finally {
            context.close();
        }
    }
}
