package org.rnnlab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;

/**
 * The checks of {@link CellCompatibilityKit} as plain methods: each throws an {@link AssertionError} whose
 * message starts with the check's name in brackets and names the parameter and the error found, e.g.
 * {@code [gradients] weight_hh_l0 (composed path): relative error 4.1e-01 exceeds 1.0e-02}.
 */
public final class CellChecks {
    /**
     * Finite differences: central, step {@value #FD_STEP}, loss accumulated in double from float32 outputs.
     * Their own error is about 1e-7 (float32 rounding of the loss) / 1e-3 (step) = 1e-4 per element plus
     * a truncation error of order step^2 = 1e-6; compared norm-wise per tensor, 1e-2 is far above that
     * noise and far below the error of a wrong or missing gradient term (order 1).
     */
    public static final double FD_STEP = 1e-3;
    public static final double FD_TOLERANCE = 1e-2;
    /**
     * Fused against composed, both float32 but summed in different orders: element-wise with floor 1e-2,
     * 1e-4 as against the PyTorch reference (observed: about 1e-6).
     */
    public static final double PATH_TOLERANCE = 1e-4;
    public static final double FLOOR = 1e-2;

    private CellChecks() {}

    /** State names, parameter names and shapes, sizes, and the step's output shapes. */
    public static void stateLayout(CellFactory factory, CellSpec spec) {
        named(factory, () -> {
            Cell cell = factory.create(spec);
            check("state layout", cell.inputSize() == spec.inputSize() && cell.hiddenSize() == spec.hiddenSize(),
                    "cell sizes " + cell.inputSize() + "/" + cell.hiddenSize() + " differ from the spec " + spec);
            List<String> states = cell.stateNames();
            check("state layout", !states.isEmpty() && new HashSet<>(states).size() == states.size(),
                    "stateNames must be non-empty and distinct but are " + states);
            Set<String> names = new HashSet<>();
            for (ParameterSpec p : cell.parameters()) {
                check("state layout", names.add(p.name()), "parameter name " + p.name() + " is repeated");
                check("state layout", p.name().matches("[a-z][a-z0-9_]*") && !p.name().matches(".*_l[0-9]+"),
                        "parameter name " + p.name() + " must be a lowercase base name without a layer suffix");
                check("state layout", p.size() > 0, "parameter " + p + " is empty");
            }
            int batch = 3;
            Graph graph = new Graph(new Workspace());
            Map<String, Var> params = new LinkedHashMap<>();
            for (ParameterSpec p : cell.parameters()) {
                params.put(p.name(), graph.constant(Tensor.zeros(p.shape())));
            }
            List<Var> state = new ArrayList<>();
            for (int s = 0; s < states.size(); s++) {
                state.add(graph.constant(Tensor.zeros(batch, spec.hiddenSize())));
            }
            List<Var> next = cell.step(graph, graph.constant(Tensor.zeros(batch, spec.inputSize())), state, params);
            check("state layout", next.size() == states.size(),
                    "step returned " + next.size() + " states but stateNames are " + states);
            for (int s = 0; s < next.size(); s++) {
                int[] shape = next.get(s).shape();
                check("state layout", shape.length == 2 && shape[0] == batch && shape[1] == spec.hiddenSize(),
                        "state " + states.get(s) + " has shape " + java.util.Arrays.toString(shape) + ", expected [" + batch
                                + ", " + spec.hiddenSize() + "]");
            }
        });
    }

    /** {@link Cell#initialize} fills every parameter with finite values, not all zero. */
    public static void initialisation(CellFactory factory, CellSpec spec, long seed) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 1);
            Map<String, Tensor> params = freshParameters(stack);
            stack.initialize(params, new SplittableRandom(seed));
            boolean anyNonZero = false;
            for (var e : params.entrySet()) {
                for (float v : e.getValue().toArray()) {
                    check("initialisation", Float.isFinite(v), e.getKey() + " has a non-finite initial value " + v);
                    anyNonZero |= v != 0f;
                }
            }
            check("initialisation", anyNonZero, "every parameter is zero after initialize");
        });
    }

    /** {@link #gradients(CellFactory, CellSpec, boolean, KitSettings)} with {@link KitSettings#fromSystemProperties()}. */
    public static void gradients(CellFactory factory, CellSpec spec, boolean fused) {
        gradients(factory, spec, fused, KitSettings.fromSystemProperties());
    }

    /**
     * Analytic gradients of every parameter, the input and every initial state against central
     * differences, on {@code settings.cases()} random cases (case {@code k} from seed {@code seed + k}).
     * An entry whose central difference straddles a kink of the cell (relu's at 0) is judged by
     * {@link GradientComparison}'s one-sided differences instead, so only an error away from a
     * non-differentiable point fails.
     */
    public static void gradients(CellFactory factory, CellSpec spec, boolean fused, KitSettings settings) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 1);
            if (fused && stack.layer(0).fused().isEmpty()) {
                return;
            }
            for (int k = 0; k < settings.cases(); k++) {
                long seed = settings.seed() + k;
                CellCase c = CellCase.random(stack, 3, 2, seed, null);
                String path = (fused ? "fused path" : "composed path")
                        + (settings.cases() > 1 ? ", case " + (k + 1) + " of " + settings.cases() : "") + ", seed " + seed;
                CellCase.Result analytic = c.run(fused);
                GradientComparison compare = new GradientComparison(c, fused, settings.tolerance());
                for (var e : c.params().entrySet()) {
                    compare.check(e.getKey() + " (" + path + ")", e.getValue(), analytic.paramGrads().get(e.getKey()));
                }
                compare.check("input x (" + path + ")", c.x(), analytic.xGrad());
                List<String> names = c.stack().stateNames();
                for (int s = 0; s < c.initialStates().size(); s++) {
                    compare.check("initial state " + names.get(s % names.size()) + " (" + path + ")",
                            c.initialStates().get(s), analytic.initialStateGrads().get(s));
                }
            }
        });
    }

    /** The fused kernel gives the composed path's outputs, states, gradients and step gradient norms. */
    public static void fusedMatchesComposed(CellFactory factory, CellSpec spec, boolean withMask) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 1);
            if (stack.layer(0).fused().isEmpty()) {
                return;
            }
            int steps = 5;
            int batch = 3;
            CellCase c = CellCase.random(stack, steps, batch, 7L, withMask ? scatteredMask(steps, batch) : null);
            CellCase.Result composed = c.run(false);
            CellCase.Result fused = c.run(true);
            String suffix = withMask ? " (with padding)" : "";
            same("fused = composed", "outputs" + suffix, fused.outputs(), composed.outputs(), PATH_TOLERANCE);
            for (int s = 0; s < composed.finalStates().size(); s++) {
                same("fused = composed", "final state " + stack.stateNames().get(s) + suffix, fused.finalStates().get(s),
                        composed.finalStates().get(s), PATH_TOLERANCE);
                same("fused = composed", "gradient of initial state " + stack.stateNames().get(s) + suffix,
                        fused.initialStateGrads().get(s), composed.initialStateGrads().get(s), PATH_TOLERANCE);
            }
            for (String name : c.params().keySet()) {
                same("fused = composed", "gradient of " + name + suffix, fused.paramGrads().get(name),
                        composed.paramGrads().get(name), PATH_TOLERANCE);
            }
            same("fused = composed", "gradient of input x" + suffix, fused.xGrad(), composed.xGrad(), PATH_TOLERANCE);
            same("fused = composed", "step gradient norms" + suffix, Tensor.of(toFloats(fused.stepGradientNorms()), steps),
                    Tensor.of(toFloats(composed.stepGradientNorms()), steps), PATH_TOLERANCE);
        });
    }

    /** Same seed, same weights and same results, bit for bit; another seed, other weights. */
    public static void determinism(CellFactory factory, CellSpec spec) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 1);
            Map<String, Tensor> a = freshParameters(stack);
            Map<String, Tensor> b = freshParameters(stack);
            Map<String, Tensor> other = freshParameters(stack);
            stack.initialize(a, new SplittableRandom(42));
            stack.initialize(b, new SplittableRandom(42));
            stack.initialize(other, new SplittableRandom(43));
            boolean differs = false;
            for (String name : a.keySet()) {
                check("determinism", java.util.Arrays.equals(a.get(name).toArray(), b.get(name).toArray()),
                        name + " differs between two initialisations with the same seed");
                differs |= !java.util.Arrays.equals(a.get(name).toArray(), other.get(name).toArray());
            }
            check("determinism", differs, "initialisations with seeds 42 and 43 are identical");
            CellCase c = CellCase.random(stack, 4, 2, 11L, null);
            for (boolean fused : new boolean[] {false, true}) {
                CellCase.Result r1 = c.run(fused);
                CellCase.Result r2 = c.run(fused);
                same("determinism", "outputs of two identical runs", r1.outputs(), r2.outputs(), 0);
                for (String name : c.params().keySet()) {
                    same("determinism", "gradient of " + name + " in two identical runs", r1.paramGrads().get(name),
                            r2.paramGrads().get(name), 0);
                }
            }
        });
    }

    /** Parameters written as safetensors under the stack's names read back identical and give the same outputs. */
    public static void saveLoadRoundTrip(CellFactory factory, CellSpec spec, Path dir) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 2);
            Map<String, Tensor> params = freshParameters(stack);
            stack.initialize(params, new SplittableRandom(5));
            Path file = dir.resolve("cell.safetensors");
            Safetensors.Contents read;
            try {
                Files.createDirectories(dir);
                Safetensors.write(file, params, Map.of("format", "pt"));
                read = Safetensors.read(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (ParameterSpec p : stack.parameters()) {
                Tensor loaded = read.tensors().get(p.name());
                check("save and load", loaded != null, p.name() + " is missing after loading");
                check("save and load", java.util.Arrays.equals(loaded.shape(), p.shape()),
                        p.name() + " has shape " + java.util.Arrays.toString(loaded.shape()) + " after loading, expected " + p);
                same("save and load", p.name(), loaded, params.get(p.name()), 0);
            }
            CellCase drawn = CellCase.random(stack, 3, 2, 3L, null);
            CellCase original = new CellCase(stack, 3, 2, params, drawn.x(), drawn.initialStates(), null,
                    drawn.outputProbe(), drawn.stateProbes());
            CellCase reloaded = new CellCase(stack, 3, 2, new LinkedHashMap<>(read.tensors()), original.x(),
                    original.initialStates(), null, original.outputProbe(), original.stateProbes());
            same("save and load", "outputs with the loaded parameters", reloaded.run(false).outputs(),
                    original.run(false).outputs(), 0);
        });
    }

    /**
     * Padded steps change nothing: a sequence padded after step {@code live} ends in the state it had at
     * {@code live}, its outputs up to there and every other sequence are unchanged by what the padded
     * rows hold, and the padded rows' inputs get no gradient.
     */
    public static void masking(CellFactory factory, CellSpec spec, boolean fused) {
        named(factory, () -> {
            CellStack stack = CellStack.of(factory, spec, 1);
            if (fused && stack.layer(0).fused().isEmpty()) {
                return;
            }
            String path = fused ? " (fused path)" : " (composed path)";
            int steps = 4;
            int batch = 2;
            int live = 2;
            Tensor mask = tailMask(steps, batch, 1, live);
            CellCase padded = CellCase.random(stack, steps, batch, 13L, mask);
            CellCase.Result r = padded.run(fused);
            CellCase shortCase = new CellCase(stack, live, batch, padded.params(), padded.x().rows(0, live * batch),
                    padded.initialStates(), null, padded.outputProbe().rows(0, live * batch), padded.stateProbes());
            CellCase.Result s = shortCase.run(fused);
            for (int st = 0; st < r.finalStates().size(); st++) {
                same("masking", "final state " + stack.stateNames().get(st) + " of the padded sequence" + path,
                        r.finalStates().get(st).rows(1, 2), s.finalStates().get(st).rows(1, 2), PATH_TOLERANCE);
            }
            Tensor changed = padded.x().copy();
            float[] d = changed.data();
            for (int t = live; t < steps; t++) {
                for (int i = 0; i < spec.inputSize(); i++) {
                    d[(t * batch + 1) * spec.inputSize() + i] += 3f;
                }
            }
            CellCase.Result other = new CellCase(stack, steps, batch, padded.params(), changed, padded.initialStates(), mask,
                    padded.outputProbe(), padded.stateProbes()).run(fused);
            same("masking", "outputs when padded inputs change" + path, other.outputs(), r.outputs(), 0);
            for (int t = live; t < steps; t++) {
                Tensor g = r.xGrad().rows(t * batch + 1, t * batch + 2);
                for (float v : g.toArray()) {
                    check("masking", v == 0f, "input of padded step " + t + " receives gradient " + v + path);
                }
            }
        });
    }

    /** Two layers: PyTorch names per layer, layer 1 reads H inputs, and it equals two one-layer stacks in a row. */
    public static void stacking(CellFactory factory, CellSpec spec, boolean fused) {
        named(factory, () -> {
            CellStack two = CellStack.of(factory, spec, 2);
            CellStack first = CellStack.of(factory, spec, 1);
            CellStack second = CellStack.of(factory, new CellSpec(spec.hiddenSize(), spec.hiddenSize(), spec.options()), 1);
            List<ParameterSpec> expected = new ArrayList<>();
            for (ParameterSpec p : first.parameters()) {
                expected.add(p);
            }
            for (ParameterSpec p : second.parameters()) {
                expected.add(new ParameterSpec(p.name().replaceAll("_l0$", "_l1"), p.shape()));
            }
            check("stacking", two.parameters().equals(expected), "two-layer parameters are " + two.parameters()
                    + ", expected " + expected);
            int steps = 3;
            int batch = 2;
            CellCase both = CellCase.random(two, steps, batch, 17L, null);
            CellCase.Result r = both.run(fused);
            int perLayer = two.stateNames().size();
            Map<String, Tensor> p0 = new LinkedHashMap<>();
            Map<String, Tensor> p1 = new LinkedHashMap<>();
            both.params().forEach((name, t) -> {
                if (name.endsWith("_l0")) {
                    p0.put(name, t);
                } else {
                    p1.put(name.replaceAll("_l1$", "_l0"), t);
                }
            });
            CellCase.Result r0 = new CellCase(first, steps, batch, p0, both.x(), both.initialStates().subList(0, perLayer),
                    null, both.outputProbe(), both.stateProbes().subList(0, perLayer)).run(fused);
            CellCase.Result r1 = new CellCase(second, steps, batch, p1, r0.outputs(),
                    both.initialStates().subList(perLayer, 2 * perLayer), null, both.outputProbe(),
                    both.stateProbes().subList(perLayer, 2 * perLayer)).run(fused);
            String path = fused ? " (fused path)" : " (composed path)";
            same("stacking", "top-layer outputs" + path, r.outputs(), r1.outputs(), PATH_TOLERANCE);
            check("stacking", r.finalStates().size() == 2 * perLayer, "a two-layer stack returned "
                    + r.finalStates().size() + " final states, expected " + 2 * perLayer);
            for (int s = 0; s < perLayer; s++) {
                same("stacking", "layer 0 final " + two.stateNames().get(s) + path, r.finalStates().get(s), r0.finalStates().get(s), PATH_TOLERANCE);
                same("stacking", "layer 1 final " + two.stateNames().get(s) + path, r.finalStates().get(perLayer + s),
                        r1.finalStates().get(s), PATH_TOLERANCE);
            }
        });
    }

    /** An option the cell does not know is refused with a {@link ConfigException} naming it. */
    public static void unknownOptionRefused(CellFactory factory, CellSpec spec) {
        named(factory, () -> {
            Map<String, String> options = new LinkedHashMap<>(spec.options());
            options.put("noSuchOption", "1");
            try {
                factory.create(new CellSpec(spec.inputSize(), spec.hiddenSize(), options));
            } catch (ConfigException e) {
                check("options", e.getMessage().contains("noSuchOption"), "the ConfigException does not name the option: "
                        + e.getMessage());
                return;
            }
            throw new AssertionError("[options] the cell accepted the unknown option noSuchOption=1");
        });
    }

    /**
     * Runs a check and puts the cell's id and factory class into its failure, after the check's name:
     * {@code [gradients] cell 'indrnn' (com.example.IndRnnCellFactory): weight_hh_l0 ...}.
     */
    static void named(CellFactory factory, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            String m = String.valueOf(e.getMessage());
            String cell = "cell '" + factory.id() + "' (" + factory.getClass().getName() + ")";
            if (m.contains(cell)) {
                throw e;
            }
            int end = m.startsWith("[") ? m.indexOf("] ") : -1;
            AssertionError named = new AssertionError(end < 0 ? cell + ": " + m
                    : m.substring(0, end + 2) + cell + ": " + m.substring(end + 2), e.getCause());
            named.setStackTrace(e.getStackTrace());
            throw named;
        }
    }

    /** Parameters of a stack, allocated and zero. */
    public static Map<String, Tensor> freshParameters(CellStack stack) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (ParameterSpec p : stack.parameters()) {
            params.put(p.name(), Tensor.zeros(p.shape()));
        }
        return params;
    }

    /** Mask {@code [T*B]}: all ones except sequence {@code padded}, which is padding from step {@code live} on. */
    static Tensor tailMask(int steps, int batch, int padded, int live) {
        Tensor m = Tensor.zeros(steps * batch);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                m.data()[t * batch + b] = (b == padded && t >= live) ? 0f : 1f;
            }
        }
        return m;
    }

    /**
     * A mask with padding at the end of sequence 1, at the start and in the middle of sequence 2, and
     * none in sequence 0: both paths must treat every position alike.
     */
    static Tensor scatteredMask(int steps, int batch) {
        Tensor m = tailMask(steps, batch, 1, 2);
        if (batch > 2) {
            m.data()[2] = 0f;
            m.data()[(steps / 2) * batch + 2] = 0f;
        }
        return m;
    }

    private static void same(String check, String what, Tensor actual, Tensor expected, double tolerance) {
        check(check, java.util.Arrays.equals(actual.shape(), expected.shape()), what + ": shape "
                + java.util.Arrays.toString(actual.shape()) + " differs from " + java.util.Arrays.toString(expected.shape()));
        double err = Discrepancy.elementwise(actual, expected, FLOOR);
        check(check, err <= tolerance, String.format(java.util.Locale.ROOT, "%s: relative error %.1e exceeds %.1e",
                what, err, tolerance));
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void check(String check, boolean ok, String message) {
        if (!ok) {
            throw new AssertionError("[" + check + "] " + message);
        }
    }
}
