package org.rnnlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;

/**
 * A small random problem for a cell stack: parameters, inputs {@code x [T*B, I]}, initial states, an
 * optional row mask and probes; the loss is {@code sum(y * probe) + sum_s sum(state_s(T) * probe_s)}, so
 * gradients reach the outputs and every final state, as in the PyTorch reference cases.
 *
 * @param params by full parameter name; values uniform in (-0.5, 0.5) like the reference cases
 */
public record CellCase(CellStack stack, int steps, int batch, Map<String, Tensor> params, Tensor x,
                       List<Tensor> initialStates, Tensor mask, Tensor outputProbe, List<Tensor> stateProbes) {

    /** A random case drawn from {@code seed}; {@code mask} may be null. */
    public static CellCase random(CellStack stack, int steps, int batch, long seed, Tensor mask) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (ParameterSpec p : stack.parameters()) {
            params.put(p.name(), uniform(random, 0.5f, p.shape()));
        }
        int h = stack.hiddenSize();
        List<Tensor> initial = new ArrayList<>();
        List<Tensor> probes = new ArrayList<>();
        for (int i = 0; i < stack.layers() * stack.stateNames().size(); i++) {
            initial.add(uniform(random, 0.5f, batch, h));
            probes.add(uniform(random, 1f, batch, h));
        }
        return new CellCase(stack, steps, batch, params, uniform(random, 1f, steps * batch, stack.inputSize()),
                initial, mask, uniform(random, 1f, steps * batch, h), probes);
    }

    static Tensor uniform(SplittableRandom random, float bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return t;
    }

    /** Everything one forward and backward pass produced, copied out of the graph. */
    public record Result(double loss, Tensor outputs, List<Tensor> finalStates, Map<String, Tensor> paramGrads,
                         Tensor xGrad, List<Tensor> initialStateGrads, double[] stepGradientNorms) {}

    /** Forward and backward on a fresh graph. */
    public Result run(boolean fused) {
        return run(fused, true);
    }

    /** Only the loss, accumulated in double from the float32 outputs (for finite differences). */
    public double loss(boolean fused) {
        return run(fused, false).loss();
    }

    private Result run(boolean fused, boolean backward) {
        Graph graph = new Graph(new Workspace());
        Map<String, Var> vars = new LinkedHashMap<>();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            Tensor g = Tensor.zeros(value.shape());
            grads.put(name, g);
            vars.put(name, graph.parameter(value, g));
        });
        Tensor xGrad = Tensor.zeros(x.shape());
        Var xv = graph.parameter(x, xGrad);
        List<Var> init = new ArrayList<>();
        List<Tensor> initGrads = new ArrayList<>();
        for (Tensor s : initialStates) {
            Tensor g = Tensor.zeros(s.shape());
            initGrads.add(g);
            init.add(graph.parameter(s, g));
        }
        double[] norms = backward ? new double[steps] : null;
        CellStack.Output out = stack.forward(graph, xv, steps, batch, mask, vars, init, norms, fused);
        double loss = dot(out.outputs().value(), outputProbe);
        for (int s = 0; s < stateProbes.size(); s++) {
            loss += dot(out.finalStates().get(s).value(), stateProbes.get(s));
        }
        if (backward) {
            Var total = graph.dot(out.outputs(), outputProbe);
            for (int s = 0; s < stateProbes.size(); s++) {
                total = graph.add(total, graph.dot(out.finalStates().get(s), stateProbes.get(s)));
            }
            graph.backward(total);
        }
        List<Tensor> finals = out.finalStates().stream().map(v -> v.value().copy()).toList();
        return new Result(loss, out.outputs().value().copy(), finals, grads, xGrad, initGrads, norms);
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        float[] ad = a.data();
        float[] bd = b.data();
        for (int i = 0; i < a.size(); i++) {
            s += (double) ad[a.offset() + i] * bd[b.offset() + i];
        }
        return s;
    }
}
