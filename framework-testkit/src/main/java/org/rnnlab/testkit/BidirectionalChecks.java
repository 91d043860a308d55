package org.rnnlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.model.cell.BidirectionalStack;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.model.cell.CellStack;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * The bidirectional check of {@link CellCompatibilityKit}: a {@link BidirectionalStack} over the cell, on
 * a batch of sequences of different lengths, must equal what the cell does on its own: the forward half
 * of the output is the one-direction stack over the padded batch, the reverse half of sequence {@code b}
 * is the one-direction stack run over that sequence's real steps in reverse order, padded rows are zero,
 * and every gradient (parameters of both directions, input, initial states) is the sum of those runs'
 * gradients. Tolerance {@link CellChecks#PATH_TOLERANCE}: the same float32 operations in another order.
 */
final class BidirectionalChecks {
    private static final int STEPS = 4;
    private static final int[] LENGTHS = {4, 2, 3};
    private static final int BATCH = LENGTHS.length;

    private BidirectionalChecks() {}

    /** PyTorch's parameter names and shapes over two layers, the second reading {@code 2H} inputs. */
    static void parameterLayout(CellFactory factory, CellSpec spec) {
        CellChecks.named(factory, () -> {
            BidirectionalStack two = BidirectionalStack.of(factory, spec, 2);
            List<ParameterSpec> expected = new ArrayList<>();
            int h = spec.hiddenSize();
            for (int layer = 0; layer < 2; layer++) {
                CellSpec s = layer == 0 ? spec : new CellSpec(2 * h, h, spec.options());
                for (String suffix : List.of("", "_reverse")) {
                    for (ParameterSpec p : factory.create(s).parameters()) {
                        expected.add(new ParameterSpec(p.name() + "_l" + layer + suffix, p.shape()));
                    }
                }
            }
            check(two.parameters().equals(expected), "two-layer parameters are " + two.parameters() + ", expected "
                    + expected + " (torch.nn.*(bidirectional=True) order)");
            check(two.outputSize() == 2 * h, "output size " + two.outputSize() + ", expected 2 * " + h);
        });
    }

    static void matchesOneDirectionRuns(CellFactory factory, CellSpec spec, boolean fused) {
        CellChecks.named(factory, () -> {
            BidirectionalStack bi = BidirectionalStack.of(factory, spec, 1);
            CellStack one = CellStack.of(factory, spec, 1);
            int h = spec.hiddenSize();
            int perDirection = one.stateNames().size();
            SplittableRandom random = new SplittableRandom(29);
            Map<String, Tensor> params = new LinkedHashMap<>();
            for (ParameterSpec p : bi.parameters()) {
                params.put(p.name(), CellCase.uniform(random, 0.5f, p.shape()));
            }
            Tensor x = CellCase.uniform(random, 1f, STEPS * BATCH, spec.inputSize());
            List<Tensor> initial = new ArrayList<>();
            for (int s = 0; s < 2 * perDirection; s++) {
                initial.add(CellCase.uniform(random, 0.5f, BATCH, h));
            }
            Tensor probe = CellCase.uniform(random, 1f, STEPS * BATCH, 2 * h);
            Tensor mask = Tensor.zeros(STEPS * BATCH);
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < LENGTHS[b]; t++) {
                    mask.data()[t * BATCH + b] = 1f;
                }
            }
            String path = fused ? " (fused path)" : " (composed path)";
            Run r = run(bi, params, x, initial, mask, probe, fused);

            // forward direction: the padded batch through the one-direction stack, probed at real rows only
            Tensor forwardProbe = Tensor.zeros(STEPS * BATCH, h);
            Tensor reverseProbe = Tensor.zeros(STEPS * BATCH, h);
            for (int row = 0; row < STEPS * BATCH; row++) {
                if (mask.data()[row] != 0f) {
                    System.arraycopy(probe.data(), row * 2 * h, forwardProbe.data(), row * h, h);
                    System.arraycopy(probe.data(), row * 2 * h + h, reverseProbe.data(), row * h, h);
                }
            }
            CellCase.Result ahead = new CellCase(one, STEPS, BATCH, direction(params, ""), x, initial.subList(0, perDirection),
                    mask, forwardProbe, zeros(perDirection, BATCH, h)).run(fused);
            Tensor expectedOut = Tensor.zeros(STEPS * BATCH, 2 * h);
            Tensor expectedXGrad = ahead.xGrad().copy();
            Map<String, Tensor> expectedGrads = new LinkedHashMap<>();
            ahead.paramGrads().forEach((name, g) -> expectedGrads.put(name, g.copy()));
            List<Tensor> expectedFinals = new ArrayList<>(ahead.finalStates());
            List<Tensor> expectedInitialGrads = new ArrayList<>(ahead.initialStateGrads());
            for (int s = 0; s < perDirection; s++) {
                expectedFinals.add(Tensor.zeros(BATCH, h));
                expectedInitialGrads.add(Tensor.zeros(BATCH, h));
            }
            for (int row = 0; row < STEPS * BATCH; row++) {
                if (mask.data()[row] != 0f) {
                    System.arraycopy(ahead.outputs().data(), row * h, expectedOut.data(), row * 2 * h, h);
                }
            }
            // reverse direction: each sequence alone, its real steps reversed
            Map<String, Tensor> reverseParams = direction(params, "_reverse");
            for (int b = 0; b < BATCH; b++) {
                int n = LENGTHS[b];
                Tensor xs = Tensor.zeros(n, spec.inputSize());
                Tensor ps = Tensor.zeros(n, h);
                for (int j = 0; j < n; j++) {
                    int row = (n - 1 - j) * BATCH + b;
                    xs.rows(j, j + 1).copyFrom(x.rows(row, row + 1));
                    ps.rows(j, j + 1).copyFrom(reverseProbe.rows(row, row + 1));
                }
                List<Tensor> init = new ArrayList<>();
                for (int s = 0; s < perDirection; s++) {
                    init.add(initial.get(perDirection + s).rows(b, b + 1).copy());
                }
                CellCase.Result back = new CellCase(one, n, 1, reverseParams, xs, init, null, ps, zeros(perDirection, 1, h))
                        .run(fused);
                for (int j = 0; j < n; j++) {
                    int row = (n - 1 - j) * BATCH + b;
                    System.arraycopy(back.outputs().data(), j * h, expectedOut.data(), row * 2 * h + h, h);
                    Tensor dx = expectedXGrad.rows(row, row + 1);
                    add(dx, back.xGrad().rows(j, j + 1));
                }
                for (int s = 0; s < perDirection; s++) {
                    expectedFinals.get(perDirection + s).rows(b, b + 1).copyFrom(back.finalStates().get(s));
                    expectedInitialGrads.get(perDirection + s).rows(b, b + 1).copyFrom(back.initialStateGrads().get(s));
                }
                back.paramGrads().forEach((name, g) -> expectedGrads.merge(name + "_reverse", g.copy(), (a, c) -> add(a, c)));
            }
            same("outputs (forward half, reverse half per sequence, zero at padding)" + path, r.outputs(), expectedOut);
            for (int s = 0; s < 2 * perDirection; s++) {
                String name = (s < perDirection ? "forward " : "reverse ") + one.stateNames().get(s % perDirection);
                same("final state " + name + path, r.finalStates().get(s), expectedFinals.get(s));
                same("gradient of initial state " + name + path, r.initialGrads().get(s), expectedInitialGrads.get(s));
            }
            for (ParameterSpec p : bi.parameters()) {
                same("gradient of " + p.name() + path, r.paramGrads().get(p.name()), expectedGrads.get(p.name()));
            }
            same("gradient of input x" + path, r.xGrad(), expectedXGrad);
            for (int row = 0; row < STEPS * BATCH; row++) {
                if (mask.data()[row] == 0f) {
                    for (float v : r.xGrad().rows(row, row + 1).toArray()) {
                        check(v == 0f, "padded input row " + row + " receives gradient " + v + path);
                    }
                }
            }
        });
    }

    private record Run(Tensor outputs, List<Tensor> finalStates, Map<String, Tensor> paramGrads, Tensor xGrad,
                       List<Tensor> initialGrads) {}

    private static Run run(BidirectionalStack bi, Map<String, Tensor> params, Tensor x, List<Tensor> initial, Tensor mask,
                           Tensor probe, boolean fused) {
        Graph graph = new Graph(new Workspace());
        Map<String, Var> vars = new LinkedHashMap<>();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            Tensor g = Tensor.zeros(value.shape());
            grads.put(name, g);
            vars.put(name, graph.parameter(value, g));
        });
        Tensor xGrad = Tensor.zeros(x.shape());
        List<Var> init = new ArrayList<>();
        List<Tensor> initGrads = new ArrayList<>();
        for (Tensor s : initial) {
            Tensor g = Tensor.zeros(s.shape());
            initGrads.add(g);
            init.add(graph.parameter(s, g));
        }
        CellStack.Output out = bi.forward(graph, graph.parameter(x, xGrad), STEPS, BATCH, mask, vars, init, null, fused);
        graph.backward(graph.dot(out.outputs(), probe));
        return new Run(out.outputs().value().copy(), out.finalStates().stream().map(v -> v.value().copy()).toList(),
                grads, xGrad, initGrads);
    }

    /** One direction's parameters under a one-layer stack's names. */
    private static Map<String, Tensor> direction(Map<String, Tensor> params, String suffix) {
        Map<String, Tensor> own = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            boolean reverse = name.endsWith("_reverse");
            if (reverse == suffix.equals("_reverse")) {
                own.put(reverse ? name.substring(0, name.length() - "_reverse".length()) : name, value);
            }
        });
        return own;
    }

    private static List<Tensor> zeros(int count, int rows, int cols) {
        List<Tensor> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Tensor.zeros(rows, cols));
        }
        return out;
    }

    private static Tensor add(Tensor into, Tensor more) {
        for (int i = 0; i < into.size(); i++) {
            into.data()[into.offset() + i] += more.data()[more.offset() + i];
        }
        return into;
    }

    private static void same(String what, Tensor actual, Tensor expected) {
        double err = Discrepancy.elementwise(actual, expected, CellChecks.FLOOR);
        check(err <= CellChecks.PATH_TOLERANCE, String.format(java.util.Locale.ROOT, "%s: relative error %.1e exceeds %.1e",
                what, err, CellChecks.PATH_TOLERANCE));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError("[bidirectional] " + message);
        }
    }
}
