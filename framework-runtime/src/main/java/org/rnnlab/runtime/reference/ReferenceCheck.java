package org.rnnlab.runtime.reference;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;

/**
 * Runs PyTorch reference cases through rnnlab's cells (via {@link CellStack}, composed and fused; a
 * bidirectional case through {@link BidirectionalReferenceCheck}) and measures the largest relative error of every output, final state and gradient.
 *
 * <p>Error of a quantity: {@code max_i |actual_i - expected_i| / max(|expected_i|, floor)} with
 * {@code floor = FLOOR * max(1, max_j |expected_j|)}. It passes when at most
 * {@link #RELATIVE_TOLERANCE}. The reference is float64 and rnnlab computes in float32 (unit roundoff
 * 6e-8), so 1e-4 leaves room for the rounding of a few hundred operations along a recurrence but
 * catches any wrong term. The floor is there because float32 rounding in a sum is proportional to the
 * size of its terms, not of the result: a weight gradient summed over T*B rows whose largest entries
 * are 80 has entries near 0.01 made by cancellation, with absolute errors of a few 1e-6 that are pure
 * rounding (seen at T=64). Entries smaller than 1% of the tensor's largest (or than 0.01) are therefore
 * judged against that 1% instead of their own size.
 */
public final class ReferenceCheck {
    public static final double RELATIVE_TOLERANCE = 1e-4;
    public static final double FLOOR = 1e-2;

    private ReferenceCheck() {}

    /** The rnnlab cell id and options for a reference cell name. */
    public record CellChoice(String id, Map<String, String> options) {
        public CellChoice {
            options = Map.copyOf(options);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(id);
            options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return b.toString();
        }
    }

    /** One quantity's largest relative error. */
    public record Measurement(String quantity, double relativeError) {
        public boolean passed() {
            return relativeError <= RELATIVE_TOLERANCE;
        }
    }

    /** The measurements of one case on one path ({@code composed} or {@code fused}). */
    public record CaseResult(ReferenceCase referenceCase, CellChoice cell, String path, List<Measurement> measurements) {
        public CaseResult {
            measurements = List.copyOf(measurements);
        }

        public boolean passed() {
            return measurements.stream().allMatch(Measurement::passed);
        }

        public Measurement largest() {
            return measurements.stream().max((a, b) -> Double.compare(a.relativeError(), b.relativeError())).orElseThrow();
        }
    }

    /** Maps a reference cell name to the rnnlab cell that must reproduce it. */
    public static CellChoice cellFor(String referenceCell) {
        return switch (referenceCell) {
            case "rnn_tanh" -> new CellChoice("rnn", Map.of("activation", "tanh"));
            case "rnn_relu" -> new CellChoice("rnn", Map.of("activation", "relu"));
            case "lstm" -> new CellChoice("lstm", Map.of());
            case "gru_reset_after" -> new CellChoice("gru", Map.of("reset_after", "true"));
            case "gru_reset_before" -> new CellChoice("gru", Map.of("reset_after", "false"));
            default -> throw new RnnlabException("unknown reference cell '" + referenceCell
                    + "'; known: rnn_tanh, rnn_relu, lstm, gru_reset_after, gru_reset_before");
        };
    }

    /**
     * Checks every case of every file on both paths (the fused one when the cell has a kernel), prints one
     * line per case and path with the error of each quantity and a summary, and says whether all passed.
     * A file or cell that cannot be used is printed as a failure; the other files still run.
     */
    public static boolean run(List<Path> files, Function<String, CellFactory> cellsById, PrintStream out) {
        int passed = 0;
        int total = 0;
        double worst = 0;
        out.printf(Locale.ROOT, "tolerance: |actual - expected| / max(|expected|, %.0e * max(1, largest |expected| of the tensor)) <= %.0e for every element%n",
                FLOOR, RELATIVE_TOLERANCE);
        for (Path file : files) {
            ReferenceFile reference;
            try {
                reference = ReferenceFile.read(file);
            } catch (RnnlabException e) {
                out.println("FAIL " + e.getMessage());
                total++;
                continue;
            }
            out.println(file + " (" + reference.generator() + "): " + reference.cases().size() + " cases");
            for (ReferenceCase c : reference.cases()) {
                List<CaseResult> results;
                try {
                    CellChoice choice = cellFor(c.cell());
                    results = check(c, cellsById.apply(choice.id()));
                } catch (RuntimeException e) {
                    out.println("  FAIL " + c.describe() + ": " + e.getMessage());
                    total++;
                    continue;
                }
                for (CaseResult r : results) {
                    total++;
                    if (r.passed()) {
                        passed++;
                    }
                    worst = Math.max(worst, r.largest().relativeError());
                    out.println(format(r));
                }
            }
        }
        out.printf(Locale.ROOT, "reference-check: %d of %d passed, largest relative error %.2e (tolerance %.0e)%n",
                passed, total, worst, RELATIVE_TOLERANCE);
        return passed == total;
    }

    /** The case on the composed path, and on the fused path too when the cell has a kernel. */
    public static List<CaseResult> check(ReferenceCase c, CellFactory factory) {
        List<CaseResult> results = new ArrayList<>();
        results.add(check(c, factory, false));
        CellChoice choice = cellFor(c.cell());
        if (factory.create(new CellSpec(c.input(), c.hidden(), choice.options())).fused().isPresent()) {
            results.add(check(c, factory, true));
        }
        return results;
    }

    /** One case on one path. */
    public static CaseResult check(ReferenceCase c, CellFactory factory, boolean fused) {
        if (c.bidirectional()) {
            return BidirectionalReferenceCheck.check(c, factory, fused);
        }
        CellChoice choice = cellFor(c.cell());
        CellStack stack = CellStack.of(factory, new CellSpec(c.input(), c.hidden(), choice.options()), c.layers());
        int rows = c.steps() * c.batch();
        Graph graph = new Graph(new Workspace());
        Map<String, Tensor> grads = new HashMap<>();
        Map<String, Var> params = parameters(graph, c, stack.parameters(), grads, "cell " + choice);
        Tensor gradX = Tensor.zeros(rows, c.input());
        Var x = graph.parameter(c.value("x").orElseThrow().toTensor(rows, c.input()), gradX);
        List<String> states = stack.stateNames();
        List<Var> initial = new ArrayList<>();
        List<Tensor> initialGrads = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) {
            for (String s : states) {
                ReferenceTensor all = c.value(s + "0").orElseThrow(() -> new RnnlabException(
                        "reference case " + c.describe() + " has no '" + s + "0' for state " + s));
                Tensor layer = all.toTensor(c.layers() * c.batch(), c.hidden()).rows(l * c.batch(), (l + 1) * c.batch()).copy();
                Tensor g = Tensor.zeros(c.batch(), c.hidden());
                initialGrads.add(g);
                initial.add(graph.parameter(layer, g));
            }
        }
        CellStack.Output output = stack.forward(graph, x, c.steps(), c.batch(), null, params, initial, null, fused);
        Tensor probe = c.value("probe").orElseThrow().toTensor(rows, c.hidden());
        Var loss = graph.dot(output.outputs(), probe);
        graph.backward(loss);

        List<Measurement> m = new ArrayList<>();
        m.add(new Measurement("loss", relativeError(new float[] {loss.value().item()}, 0, new double[] {c.loss()})));
        m.add(measure("y", output.outputs().value(), c.value("y").orElseThrow()));
        for (int s = 0; s < states.size(); s++) {
            String name = states.get(s);
            List<Tensor> finals = new ArrayList<>();
            for (int l = 0; l < c.layers(); l++) {
                finals.add(output.finalStates().get(l * states.size() + s).value());
            }
            c.value(name + "T").ifPresent(expected -> m.add(measure(name + "T", stackRows(finals), expected)));
        }
        for (ParameterSpec p : stack.parameters()) {
            ReferenceTensor expected = c.gradParams().get(p.name());
            if (expected != null) {
                m.add(measure("grad " + p.name(), grads.get(p.name()), expected));
            }
        }
        m.add(measure("grad x", gradX, c.value("grad_x").orElseThrow()));
        for (int s = 0; s < states.size(); s++) {
            List<Tensor> layerGrads = new ArrayList<>();
            for (int l = 0; l < c.layers(); l++) {
                layerGrads.add(initialGrads.get(l * states.size() + s));
            }
            String name = states.get(s);
            c.value("grad_" + name + "0").ifPresent(expected -> m.add(measure("grad " + name + "0", stackRows(layerGrads), expected)));
        }
        return new CaseResult(c, choice, fused ? "fused" : "composed", m);
    }

    /**
     * The case's value of every parameter in {@code specs} as a graph parameter, its gradient (zero) put into
     * {@code grads}; a missing or misshapen one is refused naming the case and what needs it.
     */
    static Map<String, Var> parameters(Graph graph, ReferenceCase c, List<ParameterSpec> specs, Map<String, Tensor> grads,
                                       String needs) {
        Map<String, Var> params = new HashMap<>();
        for (ParameterSpec p : specs) {
            ReferenceTensor value = c.params().get(p.name());
            if (value == null) {
                throw new RnnlabException("reference case " + c.describe() + " has no parameter '" + p.name()
                        + "' that " + needs + " needs");
            }
            Tensor v = value.toTensor();
            v.requireShape("reference parameter " + p.name(), p.shape());
            Tensor g = Tensor.zeros(p.shape());
            grads.put(p.name(), g);
            params.put(p.name(), graph.parameter(v, g));
        }
        return params;
    }

    /** {@code max_i |actual_i - expected_i| / max(|expected_i|, floor)}; see the class comment for the floor. */
    public static double relativeError(float[] actual, int offset, double[] expected) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double floor = FLOOR * scale;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = actual[offset + i];
            double e = expected[i];
            double err = Double.isFinite(a) ? Math.abs(a - e) / Math.max(Math.abs(e), floor) : Double.POSITIVE_INFINITY;
            worst = Math.max(worst, err);
        }
        return worst;
    }

    static Measurement measure(String quantity, Tensor actual, ReferenceTensor expected) {
        if (actual.size() != expected.size()) {
            throw new RnnlabException(quantity + ": rnnlab has " + actual + " but the reference " + expected);
        }
        return new Measurement(quantity, relativeError(actual.data(), actual.offset(), expected.data()));
    }

    static Tensor stackRows(List<Tensor> parts) {
        int size = parts.stream().mapToInt(Tensor::size).sum();
        float[] all = new float[size];
        int at = 0;
        for (Tensor t : parts) {
            System.arraycopy(t.data(), t.offset(), all, at, t.size());
            at += t.size();
        }
        return Tensor.of(all, size);
    }

    private static String format(CaseResult r) {
        StringBuilder b = new StringBuilder();
        Measurement largest = r.largest();
        b.append(String.format(Locale.ROOT, "  %s %-28s %-8s largest %.2e (%s) %s%n      ",
                r.passed() ? "ok  " : "FAIL", r.referenceCase().describe() + ",", r.path(), largest.relativeError(),
                largest.quantity(), "as " + r.cell()));
        for (Measurement m : r.measurements()) {
            b.append(String.format(Locale.ROOT, "%s %.1e%s  ", m.quantity(), m.relativeError(), m.passed() ? "" : " FAIL"));
        }
        return b.toString().stripTrailing();
    }
}
