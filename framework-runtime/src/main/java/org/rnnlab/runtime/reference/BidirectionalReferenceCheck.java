package org.rnnlab.runtime.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.RnnlabException;
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
 * Runs a bidirectional reference case ({@code make_bidirectional_reference.py}: PyTorch's
 * {@code bidirectional=True} over packed, padded variable-length sequences) through a
 * {@link BidirectionalStack} and measures every output, final state and gradient with
 * {@link ReferenceCheck}'s error measure and tolerance.
 */
final class BidirectionalReferenceCheck {
    private BidirectionalReferenceCheck() {}

    static ReferenceCheck.CaseResult check(ReferenceCase c, CellFactory factory, boolean fused) {
        ReferenceCheck.CellChoice choice = ReferenceCheck.cellFor(c.cell());
        BidirectionalStack stack = BidirectionalStack.of(factory, new CellSpec(c.input(), c.hidden(), choice.options()),
                c.layers());
        int rows = c.steps() * c.batch();
        Graph graph = new Graph(new Workspace());
        Map<String, Tensor> grads = new HashMap<>();
        Map<String, Var> params = ReferenceCheck.parameters(graph, c, stack.parameters(), grads, "a bidirectional " + choice);
        Tensor gradX = Tensor.zeros(rows, c.input());
        Var x = graph.parameter(c.value("x").orElseThrow().toTensor(rows, c.input()), gradX);
        Tensor mask = mask(c);
        List<String> states = stack.stateNames();
        int directions = 2 * c.layers();
        List<Var> initial = new ArrayList<>();
        List<Tensor> initialGrads = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            for (String s : states) {
                ReferenceTensor all = c.value(s + "0").orElseThrow(() -> new RnnlabException(
                        "reference case " + c.describe() + " has no '" + s + "0' for state " + s));
                Tensor one = all.toTensor(directions * c.batch(), c.hidden()).rows(d * c.batch(), (d + 1) * c.batch()).copy();
                Tensor g = Tensor.zeros(c.batch(), c.hidden());
                initialGrads.add(g);
                initial.add(graph.parameter(one, g));
            }
        }
        CellStack.Output output = stack.forward(graph, x, c.steps(), c.batch(), mask, params, initial, null, fused);
        Tensor probe = c.value("probe").orElseThrow().toTensor(rows, stack.outputSize());
        Var loss = graph.dot(output.outputs(), probe);
        graph.backward(loss);

        List<ReferenceCheck.Measurement> m = new ArrayList<>();
        m.add(new ReferenceCheck.Measurement("loss",
                ReferenceCheck.relativeError(new float[] {loss.value().item()}, 0, new double[] {c.loss()})));
        m.add(ReferenceCheck.measure("y", output.outputs().value(), c.value("y").orElseThrow()));
        for (int s = 0; s < states.size(); s++) {
            String name = states.get(s);
            Tensor actual = everyDirection(output.finalStates(), s, states.size(), directions);
            c.value(name + "T").ifPresent(expected -> m.add(ReferenceCheck.measure(name + "T", actual, expected)));
        }
        for (ParameterSpec p : stack.parameters()) {
            ReferenceTensor expected = c.gradParams().get(p.name());
            if (expected != null) {
                m.add(ReferenceCheck.measure("grad " + p.name(), grads.get(p.name()), expected));
            }
        }
        m.add(ReferenceCheck.measure("grad x", gradX, c.value("grad_x").orElseThrow()));
        for (int s = 0; s < states.size(); s++) {
            String name = states.get(s);
            List<Tensor> perDirection = new ArrayList<>();
            for (int d = 0; d < directions; d++) {
                perDirection.add(initialGrads.get(d * states.size() + s));
            }
            c.value("grad_" + name + "0").ifPresent(expected -> m.add(ReferenceCheck.measure("grad " + name + "0",
                    ReferenceCheck.stackRows(perDirection), expected)));
        }
        return new ReferenceCheck.CaseResult(c, choice, fused ? "fused" : "composed", m);
    }

    /** {@code [T*B]}: 1 for the first {@code lengths[b]} steps of sequence {@code b}, 0 after. */
    private static Tensor mask(ReferenceCase c) {
        ReferenceTensor lengths = c.value("lengths").orElseThrow(() -> new RnnlabException(
                "bidirectional reference case " + c.describe() + " has no 'lengths'"));
        if (lengths.size() != c.batch()) {
            throw new RnnlabException("bidirectional reference case " + c.describe() + ": 'lengths' has "
                    + lengths.size() + " entries, not B = " + c.batch());
        }
        Tensor mask = Tensor.zeros(c.steps() * c.batch());
        for (int b = 0; b < c.batch(); b++) {
            for (int t = 0; t < (int) lengths.get(b); t++) {
                mask.data()[t * c.batch() + b] = 1f;
            }
        }
        return mask;
    }

    private static Tensor everyDirection(List<Var> finals, int state, int perDirection, int directions) {
        List<Tensor> parts = new ArrayList<>(directions);
        for (int d = 0; d < directions; d++) {
            parts.add(finals.get(d * perDirection + state).value());
        }
        return ReferenceCheck.stackRows(parts);
    }
}
