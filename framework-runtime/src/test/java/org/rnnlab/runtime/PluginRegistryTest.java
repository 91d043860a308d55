package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.List;
import java.util.Optional;
import org.rnnlab.api.ApiVersion;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.UnknownComponentException;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    private static PluginEntry entry(PluginRegistry r, String id) {
        return r.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void componentsAreIndexedByIdAndAttributedToTheirPlugin() {
        PluginRegistry r = PluginRegistry.of(List.of(
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"), FixtureTrainer.completing("tbptt")),
                FixturePlugin.of("beta", FixtureTrainer.completing("slow"))));

        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt", "slow", "tbptt");
        assertThat(r.get(ComponentKind.TRAINER, "slow").id()).isEqualTo("slow");
        assertThat(r.ownerOf(ComponentKind.TRAINER, "tbptt")).map(PluginEntry::id).contains("alpha");
        assertThat(entry(r, "alpha").components().get("trainer")).extracting(ComponentEntry::id)
                .containsExactly("bptt", "tbptt");
        assertThat(entry(r, "alpha").status()).isEqualTo(PluginStatus.LOADED);
        assertThat(entry(r, "alpha").source().loadedFrom()).isEqualTo("built-in");
        assertThat(r.all(ComponentKind.CELL)).isEmpty();
    }

    @Test
    void unknownIdListsTheIdsThatExist() {
        PluginRegistry r = PluginRegistry.of(List.of(FixturePlugin.of("alpha",
                FixtureTrainer.completing("bptt"), FixtureTrainer.completing("tbptt"))));

        assertThatThrownBy(() -> r.get(ComponentKind.TRAINER, "bpt"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessage("unknown trainer 'bpt'; known trainers: bptt, tbptt");
        assertThatThrownBy(() -> r.get(ComponentKind.CELL, "lstm"))
                .hasMessage("unknown cell 'lstm'; known cells: (none)");
    }

    @Test
    void aProviderThatThrowsIsListedAsFailedAndTheOthersLoad() {
        PluginCandidate broken = new PluginCandidate("com.example.BrokenPlugin",
                new PluginSource(false, "com.example.broken", Optional.empty()), () -> {
                    throw new java.util.ServiceConfigurationError("provider could not be instantiated",
                            new IllegalStateException("no database"));
                });
        PluginRegistry r = PluginRegistry.from(List.of(broken,
                PluginCandidate.of(FixturePlugin.of("alpha", FixtureTrainer.completing("bptt")), true)));

        PluginEntry failed = entry(r, "com.example.BrokenPlugin");
        assertThat(failed.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(failed.problem()).get().asString()
                .contains("com.example.BrokenPlugin").contains("java.lang.IllegalStateException: no database");
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt");
    }

    @Test
    void aModuleThatThrowsIsListedAsFailedAndTheOthersLoad() {
        PluginRegistry r = PluginRegistry.of(List.of(new BrokenModulePlugin(),
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"))));

        PluginEntry failed = entry(r, "broken-module");
        assertThat(failed.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(failed.version()).isEqualTo("0.9");
        assertThat(failed.problem()).get().asString().contains("broken-module").contains("module exploded");
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt");
    }

    @Test
    void duplicateComponentIdRefusesBothPluginsAndNamesThemAndTheId() {
        PluginRegistry r = PluginRegistry.of(List.of(
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"), FixtureTrainer.completing("only-alpha")),
                FixturePlugin.of("beta", FixtureTrainer.completing("bptt")),
                FixturePlugin.of("gamma", FixtureTrainer.completing("tbptt"))));

        for (String id : List.of("alpha", "beta")) {
            assertThat(entry(r, id).status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(entry(r, id).problem()).get().asString()
                    .contains("duplicate trainer id 'bptt'").contains("plugin 'alpha'").contains("plugin 'beta'");
        }
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("tbptt");
        assertThatThrownBy(() -> r.get(ComponentKind.TRAINER, "bptt"))
                .isInstanceOf(RnnlabException.class)
                .hasMessageContaining("trainer 'bptt' is contributed by plugin 'alpha'")
                .hasMessageContaining("plugin 'beta'");
    }

    @Test
    void duplicatePluginIdRefusesBoth() {
        PluginRegistry r = PluginRegistry.of(List.of(
                FixturePlugin.of("alpha", FixtureTrainer.completing("a")),
                FixturePlugin.of("alpha", FixtureTrainer.completing("b"))));

        assertThat(r.plugins()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(p.problem()).get().asString().contains("plugin id 'alpha' is used by");
        });
        assertThat(r.ids(ComponentKind.TRAINER)).isEmpty();
    }

    @Test
    void aPluginForAnotherApiVersionIsRefusedNamingBothVersions() {
        int other = ApiVersion.CURRENT + 1;
        PluginRegistry r = PluginRegistry.of(List.of(
                new FixturePlugin("future", "3.0", other, List.of(FixtureTrainer.completing("warp"))),
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"))));

        PluginEntry refused = entry(r, "future");
        assertThat(refused.status()).isEqualTo(PluginStatus.REFUSED);
        assertThat(refused.apiVersion()).hasValue(other);
        assertThat(refused.problem()).get().asString()
                .isEqualTo("plugin 'future' was built for plugin API version " + other
                        + " but this rnnlab supports plugin API version " + ApiVersion.CURRENT);
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt");
    }

    @Test
    void componentIdsMustBeLowercaseKebab() {
        PluginRegistry r = PluginRegistry.of(List.of(FixturePlugin.of("alpha", FixtureTrainer.completing("Big_Trainer"))));

        assertThat(entry(r, "alpha").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(entry(r, "alpha").problem()).get().asString().contains("'Big_Trainer'").contains("lowercase-kebab");
    }

    @Test
    void pluginsWhoseBindingsClashAreRefusedOneAtATime() {
        PluginRegistry r = PluginRegistry.of(List.of(
                new StringBindingPlugin("first"), new StringBindingPlugin("second"),
                FixturePlugin.of("alpha", FixtureTrainer.completing("bptt"))));

        assertThat(entry(r, "first").status()).isEqualTo(PluginStatus.LOADED);
        assertThat(entry(r, "second").status()).isEqualTo(PluginStatus.REFUSED);
        assertThat(entry(r, "second").problem()).get().asString().contains("clash");
        assertThat(r.injector().getInstance(String.class)).isEqualTo("first");
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt");
    }

    /** Its module throws when asked for. */
    static final class BrokenModulePlugin implements Plugin {
        @Override public String id() { return "broken-module"; }
        @Override public String version() { return "0.9"; }
        @Override public Module module() { throw new IllegalStateException("module exploded"); }
    }

    /** Binds String to its id: two of them clash outside the component sets. */
    record StringBindingPlugin(String id) implements Plugin {
        @Override public String version() { return "1"; }
        @Override public Module module() {
            return new AbstractModule() {
                @Override protected void configure() {
                    bind(String.class).toInstance(id);
                }
            };
        }
    }
}
