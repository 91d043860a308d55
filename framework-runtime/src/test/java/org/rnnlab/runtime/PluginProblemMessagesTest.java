package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.RnnlabException;

/** What a user is told about a component of a refused plugin, and about a file in plugins/ that is not a jar. */
class PluginProblemMessagesTest {

    @TempDir
    Path dir;

    @Test
    void anIdOfAPluginRefusedForAnotherIdsConflictSaysSoAndNamesBothPlugins() {
        // beta claims alpha's 'bptt': both are refused, and with alpha its 'only-alpha' too
        PluginRegistry r = PluginRegistry.of(List.of(
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"), FixtureTrainer.completing("only-alpha")),
                FixturePlugin.of("beta", FixtureTrainer.completing("bptt"))));

        assertThatThrownBy(() -> r.get(ComponentKind.TRAINER, "only-alpha"))
                .isInstanceOf(RnnlabException.class)
                .hasMessageStartingWith("trainer 'only-alpha' comes from plugin 'alpha' (built-in), which was refused: ")
                .hasMessageContaining("duplicate trainer id 'bptt'")
                .hasMessageContaining("plugin 'alpha'").hasMessageContaining("plugin 'beta'");
        assertThatThrownBy(() -> r.get(ComponentKind.TRAINER, "nowhere")).hasMessageStartingWith("unknown trainer 'nowhere'");
    }

    @Test
    void aFileNamedJarThatIsNotAZipIsFailedAsNotAJar() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("x.jar"), "this is no jar\n");
        Files.write(plugins.resolve("empty.jar"), new byte[0]);

        PluginRegistry r = PluginRegistry.from(PluginDiscovery.folder(plugins));

        assertThat(r.plugins()).hasSize(2).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(p.problem()).get().asString().contains("is not a jar").doesNotContain("Error reading");
        });
        assertThat(r.plugins()).extracting(PluginEntry::id).containsExactlyInAnyOrder("x.jar", "empty.jar");
    }
}
