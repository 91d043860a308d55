package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.cell.SequenceKernel;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.runtime.PluginRegistry;

/**
 * What the commands say about plugins that did not load: a plugin that claims {@code lstm} (so the built-in
 * cells are all refused), files in plugins/ that are not jars, and a cell without a fused kernel in
 * {@code lab bench}.
 */
class BrokenPluginsCommandTest {

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private static Result lab(PluginRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = (registry == null ? Lab.commandLine(new PrintWriter(out), new PrintWriter(err))
                : Lab.commandLine(new PrintWriter(out), new PrintWriter(err), registry)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The built-in plugins, found as the runtime finds them, and {@code extra}. */
    private static PluginRegistry builtInsAnd(String id, CellFactory cell) {
        BrokenPluginsCommandTest.class.getModule().addUses(Plugin.class);
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        assertThat(plugins).extracting(Plugin::id).contains("cells", "trainers");
        plugins.add(new Plugin() {
            @Override public String id() { return id; }
            @Override public String version() { return "1.0"; }
            @Override public Module module() {
                return new AbstractModule() {
                    @Override protected void configure() {
                        Components.of(binder(), ComponentKind.CELL).addBinding().toInstance(cell);
                    }
                };
            }
        });
        return PluginRegistry.of(plugins);
    }

    /** A built-in cell under another id, with its fused kernel hidden: what a plugin cell without one is. */
    private static CellFactory withoutKernel(CellFactory real, String id) {
        return new CellFactory() {
            @Override public String id() { return id; }
            @Override public String description() { return real.id() + " without a fused kernel"; }
            @Override public Cell create(CellSpec spec) {
                Cell c = real.create(spec);
                return new Cell() {
                    @Override public int inputSize() { return c.inputSize(); }
                    @Override public int hiddenSize() { return c.hiddenSize(); }
                    @Override public List<String> stateNames() { return c.stateNames(); }
                    @Override public List<ParameterSpec> parameters() { return c.parameters(); }
                    @Override public void initialize(Map<String, Tensor> p, RandomGenerator r) { c.initialize(p, r); }
                    @Override public List<Var> step(Graph g, Var x, List<Var> s, Map<String, Var> p) { return c.step(g, x, s, p); }
                    @Override public Optional<SequenceKernel> fused() { return Optional.empty(); }
                };
            }
        };
    }

    /** The built-in rnn factory, from a registry of the built-in plugins alone. */
    private static CellFactory builtInRnn() {
        BrokenPluginsCommandTest.class.getModule().addUses(Plugin.class);
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        return PluginRegistry.of(plugins).get(ComponentKind.CELL, "rnn");
    }

    @Test
    void aPluginClaimingLstmGetsTheBuiltInCellsRefusedAndAskingForGruSaysWhyNamingBoth() throws Exception {
        PluginRegistry registry = builtInsAnd("acme-cells", withoutKernel(builtInRnn(), "lstm"));

        Result run = lab(registry, "run", "hello", "--quick", "--set", "cell=gru", "--out", tmp.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("cell 'gru' comes from plugin 'cells' (built-in), which was refused: "
                + "duplicate cell id 'lstm': contributed by ").contains("plugin 'acme-cells' (built-in)");
        assertThat(run.err().lines().filter(l -> l.startsWith("lab: warning: plugin ")).toList())
                .as("one warning line per plugin not loaded").hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("lab: warning: plugin cells (built-in").contains("REFUSED"))
                .anySatisfy(l -> assertThat(l).startsWith("lab: warning: plugin acme-cells (built-in").contains("REFUSED"));
        try (var made = Files.list(tmp)) {
            assertThat(made).as("nothing ran").isEmpty();
        }

        Result text = lab(registry, "plugins");
        Result json = lab(registry, "plugins", "--json");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("cells ", "[REFUSED]", "2 of ");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("plugins").findValuesAsText("status")).contains("REFUSED", "LOADED");
    }

    @Test
    void filesThatAreNotJarsAreSaidToBeNotJarsAndLabPluginsExitsWithOne() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("x.jar"), "garbage, not a zip\n");
        Files.writeString(plugins.resolve("notes.jar"), "");

        Result text = lab(null, "plugins", "--plugins", plugins.toString());
        Result run = lab(null, "run", "no-such-experiment", "--plugins", plugins.toString());

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("x.jar is not a jar", "notes.jar is not a jar", "2 of ")
                .doesNotContain("Error reading");
        assertThat(run.err().lines().filter(l -> l.startsWith("lab: warning: plugin ")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("FAILED", "is not a jar"));
        assertThat(run.err()).contains("unknown experiment 'no-such-experiment'");
    }

    @Test
    void aHealthyPluginsFolderExitsWithZeroAndRunWarnsOfNothing() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("empty-plugins"));

        assertThat(lab(null, "plugins", "--plugins", plugins.toString()).exit()).isZero();
        assertThat(lab(null, "run", "no-such-experiment", "--plugins", plugins.toString()).err()).doesNotContain("warning");
    }

    @Test
    void benchSaysTheComposedPathRanForACellWithoutAFusedKernel() throws Exception {
        PluginRegistry registry = builtInsAnd("spare-cells", withoutKernel(builtInRnn(), "spare"));
        String[] tiny = {"--hidden", "8", "--batch", "2", "--seq", "4", "--vocab", "7", "--embed", "5",
                "--steps", "2", "--warmup", "1", "--warmup-time", "0"};
        List<String> spare = new ArrayList<>(List.of("bench", "--cell", "spare"));
        spare.addAll(List.of(tiny));
        List<String> rnn = new ArrayList<>(List.of("bench", "--cell", "rnn"));
        rnn.addAll(List.of(tiny));

        Result without = lab(registry, spare.toArray(String[]::new));
        spare.add("--json");
        Result json = lab(registry, spare.toArray(String[]::new));
        Result with = lab(registry, rnn.toArray(String[]::new));

        assertThat(without.exit()).as(without.err()).isZero();
        assertThat(without.out()).contains(" path=composed(no-fused-kernel) ").doesNotContain("fused=true");
        assertThat(new ObjectMapper().readTree(json.out()).get("path").asText()).isEqualTo("composed(no-fused-kernel)");
        assertThat(with.out()).contains(" path=fused ");
    }
}
