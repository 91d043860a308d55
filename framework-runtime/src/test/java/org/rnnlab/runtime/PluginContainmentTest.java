package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.train.Trainer;
import org.rnnlab.api.train.TrainerFactory;

/**
 * Whatever a plugin returns or throws, from any of its methods or its components', marks that plugin
 * FAILED with one line of reason and the good plugin beside it loads: the registry is never taken down.
 */
class PluginContainmentTest {

    /** A plugin whose every method is a supplier, so a test can make any of them misbehave. */
    record Misbehaving(Supplier<String> idText, Supplier<String> versionText, Supplier<Module> moduleMade) implements Plugin {
        @Override public String id() { return idText.get(); }
        @Override public String version() { return versionText.get(); }
        @Override public Module module() { return moduleMade.get(); }

        static Misbehaving withId(String id) {
            return new Misbehaving(() -> id, () -> "1.0", Misbehaving::empty);
        }

        static Module empty() {
            return new AbstractModule() {};
        }
    }

    /** A trainer whose id and description are suppliers. */
    record OddTrainer(Supplier<String> idText, Supplier<String> descriptionText) implements TrainerFactory {
        @Override public String id() { return idText.get(); }
        @Override public String description() { return descriptionText.get(); }
        @Override public Trainer create() { throw new UnsupportedOperationException(); }
    }

    private static Module contributing(TrainerFactory trainer) {
        return new AbstractModule() {
            @Override protected void configure() {
                Components.of(binder(), ComponentKind.TRAINER).addBinding().toInstance(trainer);
            }
        };
    }

    /** {@code bad} beside a good plugin: the good one loads, the bad one is FAILED with a one-line reason containing {@code why}. */
    private static PluginEntry failsBesideAGoodOne(Plugin bad, String why) {
        PluginRegistry r = PluginRegistry.of(List.of(bad, FixturePlugin.of("good", FixtureTrainer.completing("bptt"))));
        assertThat(r.plugins()).hasSize(2);
        PluginEntry good = r.plugins().stream().filter(p -> p.id().equals("good")).findFirst().orElseThrow();
        assertThat(good.status()).isEqualTo(PluginStatus.LOADED);
        assertThat(r.ids(ComponentKind.TRAINER)).containsExactly("bptt");
        PluginEntry failed = r.plugins().stream().filter(p -> p != good).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(failed.id()).isNotNull().doesNotContain("\n");
        assertThat(failed.problem()).get().asString().doesNotContain("\n").doesNotContain("\r").contains(why);
        return failed;
    }

    @Test
    void aNullIdFailsThatPluginAndNamesItsClass() {
        PluginEntry failed = failsBesideAGoodOne(Misbehaving.withId(null), "has the id null");
        assertThat(failed.id()).isEqualTo(Misbehaving.class.getName());
    }

    @Test
    void aBlankId() {
        failsBesideAGoodOne(Misbehaving.withId("  "), "has the id '  '; a plugin id is lowercase-kebab");
    }

    @Test
    void anIdWithALineBreakIsShownOnOneLine() {
        failsBesideAGoodOne(Misbehaving.withId("evil\nFAKE LOADED"), "has the id 'evil FAKE LOADED'");
    }

    @Test
    void aNullVersion() {
        failsBesideAGoodOne(new Misbehaving(() -> "versionless", () -> null, Misbehaving::empty), "has no version");
    }

    @Test
    void anIdThatThrows() {
        failsBesideAGoodOne(new Misbehaving(() -> { throw new IllegalStateException("no id today"); }, () -> "1",
                Misbehaving::empty), "failed to describe itself: java.lang.IllegalStateException: no id today");
    }

    @Test
    void aMethodMissingFromAnOlderApiIsNamedAsSuch() {
        failsBesideAGoodOne(new Misbehaving(() -> "old", () -> { throw new AbstractMethodError("Receiver class"
                + " com.example.Old does not define or inherit an implementation of version()"); }, Misbehaving::empty),
                "built against an older plugin API (java.lang.AbstractMethodError");
    }

    @Test
    void aModuleCallingAnApiMethodThatNoLongerExists() {
        failsBesideAGoodOne(new Misbehaving(() -> "old", () -> "1", () -> new AbstractModule() {
            @Override protected void configure() {
                throw new NoSuchMethodError("'void org.rnnlab.api.Components.legacy()'");
            }
        }), "failed to build its components: built against an older plugin API (java.lang.NoSuchMethodError");
    }

    @Test
    void aMissingApiClassIsAnOlderApiButAMissingLibraryIsNot() {
        assertThat(ErrorText.ofPlugin(new NoClassDefFoundError("org/rnnlab/api/OldThing")))
                .startsWith("built against an older plugin API");
        assertThat(ErrorText.ofPlugin(new NoClassDefFoundError("com/example/Helper")))
                .isEqualTo("java.lang.NoClassDefFoundError: com/example/Helper");
    }

    @Test
    void aNullModule() {
        failsBesideAGoodOne(new Misbehaving(() -> "moduleless", () -> "1", () -> null), "module() returned null");
    }

    @Test
    void aProviderThatReturnsNull() {
        PluginCandidate nothing = new PluginCandidate("com.example.Nothing",
                new PluginSource(false, "com.example", Optional.empty()), () -> null);
        PluginRegistry r = PluginRegistry.from(List.of(nothing,
                PluginCandidate.of(FixturePlugin.of("good", FixtureTrainer.completing("bptt")), true)));
        assertThat(r.plugins()).extracting(PluginEntry::status).containsExactly(PluginStatus.LOADED, PluginStatus.FAILED);
        assertThat(r.plugins().get(1).problem()).get().asString().contains("returned no plugin (null)");
    }

    @Test
    void aProviderThatOverflowsTheStack() {
        PluginCandidate deep = new PluginCandidate("com.example.Deep",
                new PluginSource(false, "com.example", Optional.empty()), () -> {
                    throw new StackOverflowError();
                });
        PluginRegistry r = PluginRegistry.from(List.of(deep,
                PluginCandidate.of(FixturePlugin.of("good", FixtureTrainer.completing("bptt")), true)));
        assertThat(r.plugins().get(1).status()).isEqualTo(PluginStatus.FAILED);
        assertThat(r.plugins().get(1).problem()).get().asString().contains("java.lang.StackOverflowError");
    }

    @Test
    void aComponentWhoseIdThrows() {
        failsBesideAGoodOne(new Misbehaving(() -> "odd", () -> "1", () -> contributing(new OddTrainer(
                () -> { throw new IllegalArgumentException("which id?"); }, () -> "d"))), "which id?");
    }

    @Test
    void aComponentWithANullId() {
        failsBesideAGoodOne(new Misbehaving(() -> "odd", () -> "1", () -> contributing(new OddTrainer(() -> null, () -> "d"))),
                "trainer id null of");
    }

    @Test
    void aComponentWithANullDescription() {
        failsBesideAGoodOne(new Misbehaving(() -> "odd", () -> "1", () -> contributing(new OddTrainer(() -> "odd", () -> null))),
                "trainer 'odd' of " + OddTrainer.class.getName() + " has no description (null)");
    }

    @Test
    void guiceLogsNothingToTheConsoleWhenAModuleThrows() {
        List<LogRecord> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { seen.add(record); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            failsBesideAGoodOne(new Misbehaving(() -> "exploding", () -> "1", () -> new AbstractModule() {
                @Override protected void configure() {
                    throw new IllegalStateException("configure exploded");
                }
            }), "failed to build its components: java.lang.IllegalStateException: configure exploded");
        } finally {
            root.removeHandler(handler);
        }
        assertThat(seen).extracting(LogRecord::getLoggerName).noneMatch(name -> name != null && name.startsWith("com.google.inject"));
    }
}
