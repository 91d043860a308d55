package org.rnnlab.cells;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.model.cell.CellStack;

/**
 * The workload of the peer's {@code torch_rnn_bench.py}, for measuring the cells while {@code lab bench}
 * is being built: embedding(V, E) -> cell(H) -> linear(H, V) -> cross-entropy, full BPTT over T,
 * global-norm clip 5, Adam 1e-3. Prints tokens/s. Usage: {@code CharModelThroughput CELL H [B T V E STEPS fused]}.
 */
public final class CharModelThroughput {
    private CharModelThroughput() {}

    public static void main(String[] args) {
        String cell = args[0];
        int h = Integer.parseInt(args[1]);
        int[] d = {32, 64, 65, 64, 30};
        for (int i = 0; i < d.length && i + 2 < args.length; i++) {
            d[i] = Integer.parseInt(args[i + 2]);
        }
        boolean fused = args.length < 8 || Boolean.parseBoolean(args[7]);
        int b = d[0];
        int t = d[1];
        int v = d[2];
        int e = d[3];
        int steps = d[4];
        CellFactory factory = switch (cell) {
            case "rnn" -> new RnnCellFactory();
            case "lstm" -> new LstmCellFactory();
            case "gru" -> new GruCellFactory();
            case "irnn" -> new IrnnCellFactory();
            case "dense" -> new DenseCellFactory();
            default -> throw new IllegalArgumentException(cell);
        };
        CellStack stack = CellStack.of(factory, new CellSpec(e, h), 1);
        SplittableRandom random = new SplittableRandom(0);
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (ParameterSpec p : stack.parameters()) {
            params.put(p.name(), Tensor.zeros(p.shape()));
        }
        stack.initialize(params, random);
        params.put("embedding", uniform(random, 1f, v, e));
        params.put("head.weight", uniform(random, (float) (1 / Math.sqrt(h)), v, h));
        params.put("head.bias", uniform(random, (float) (1 / Math.sqrt(h)), v));
        Map<String, Tensor> grads = new LinkedHashMap<>();
        Map<String, Tensor> m1 = new LinkedHashMap<>();
        Map<String, Tensor> m2 = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            grads.put(name, Tensor.zeros(p.shape()));
            m1.put(name, Tensor.zeros(p.shape()));
            m2.put(name, Tensor.zeros(p.shape()));
        });
        int[] ids = new int[t * b];
        int[] targets = new int[t * b];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(v);
            targets[i] = random.nextInt(v);
        }
        Workspace ws = new Workspace();
        Graph graph = new Graph(ws);
        Kernels k = Kernels.get();
        int[] adamStep = {0};
        Runnable step = () -> {
            graph.reset();
            grads.values().forEach(g -> g.fill(0f));
            Map<String, Var> vars = new LinkedHashMap<>();
            params.forEach((name, p) -> vars.put(name, graph.parameter(p, grads.get(name))));
            Var x = graph.embedding(vars.get("embedding"), ids);
            CellStack.Output out = stack.forward(graph, x, t, b, null, vars, List.of(), null, fused);
            Var logits = graph.addBias(graph.matmulTransposed(out.outputs(), vars.get("head.weight")), vars.get("head.bias"));
            graph.backward(graph.softmaxCrossEntropy(logits, targets, null));
            double norm = 0;
            for (Tensor g : grads.values()) {
                norm += k.sumOfSquares(g.size(), g.data(), g.offset());
            }
            norm = Math.sqrt(norm);
            float clip = norm > 5 ? (float) (5 / (norm + 1e-6)) : 1f;
            adamStep[0]++;
            double c1 = 1 - Math.pow(0.9, adamStep[0]);
            double c2 = 1 - Math.pow(0.999, adamStep[0]);
            for (String name : params.keySet()) {
                float[] p = params.get(name).data();
                float[] g = grads.get(name).data();
                float[] a = m1.get(name).data();
                float[] s = m2.get(name).data();
                for (int i = 0; i < p.length; i++) {
                    float gi = g[i] * clip;
                    a[i] = 0.9f * a[i] + 0.1f * gi;
                    s[i] = 0.999f * s[i] + 0.001f * gi * gi;
                    p[i] -= (float) (1e-3 * (a[i] / c1) / (Math.sqrt(s[i] / c2) + 1e-8));
                }
            }
        };
        for (int i = 0; i < 5; i++) {
            step.run();
        }
        // the machine is shared: CPU time of this (only working) thread measures the work, wall time the wait too
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "rnnlab %s H=%d B=%d T=%d V=%d E=%d fused=%s kernels=%s: %,.0f tokens/s (wall), %,.0f tokens/s (cpu)%n",
                cell, h, b, t, v, e, fused, k.name(), steps * (double) b * t / seconds, steps * (double) b * t / cpuSeconds);
    }

    private static Tensor uniform(SplittableRandom random, float bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return t;
    }

}
