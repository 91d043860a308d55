package org.rnnlab.testkit;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * An IndRNN (Li et al. 2018) as a plugin author writes it from the graph operations alone:
 * {@code h' = relu(x W^T + b + u * h)} with a recurrent weight {@code u [H]}, one per unit
 * ({@link Graph#mulRowVector}). relu has a kink at 0, which the kit's gradient check must tolerate.
 *
 * <p>With {@code detachRecurrentWeight} the step reads {@code u} as a constant copy: the forward is the
 * same, but {@code weight_hh} gets no gradient (the mistake of building {@code u * h} from a constant),
 * a wrong cell the kit must fail by name.
 */
final class IndRnnCellFactory implements CellFactory {
    private final boolean detachRecurrentWeight;

    IndRnnCellFactory(boolean detachRecurrentWeight) {
        this.detachRecurrentWeight = detachRecurrentWeight;
    }

    @Override
    public String id() {
        return detachRecurrentWeight ? "indrnn-detached" : "indrnn";
    }

    @Override
    public String description() {
        return "IndRNN: relu with a per-unit recurrent weight";
    }

    @Override
    public Cell create(CellSpec spec) {
        if (!spec.options().isEmpty()) {
            throw new ConfigException("cell '" + id() + "': unknown options " + spec.options().keySet());
        }
        int in = spec.inputSize();
        int h = spec.hiddenSize();
        return new Cell() {
            @Override
            public int inputSize() {
                return in;
            }

            @Override
            public int hiddenSize() {
                return h;
            }

            @Override
            public List<String> stateNames() {
                return List.of("h");
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(new ParameterSpec("weight_ih", new int[] {h, in}),
                        new ParameterSpec("weight_hh", new int[] {h}), new ParameterSpec("bias", new int[] {h}));
            }

            /** {@code W, b} uniform in (-1/sqrt(H), 1/sqrt(H)) as PyTorch's RNN; {@code u} in (0, 1), the paper's range. */
            @Override
            public void initialize(Map<String, Tensor> parameters, RandomGenerator random) {
                double bound = 1 / Math.sqrt(h);
                parameters.forEach((name, t) -> {
                    for (int i = 0; i < t.size(); i++) {
                        t.data()[t.offset() + i] = name.startsWith("weight_hh")
                                ? (float) random.nextDouble() : (float) ((2 * random.nextDouble() - 1) * bound);
                    }
                });
            }

            @Override
            public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
                Var u = detachRecurrentWeight ? g.constant(p.get("weight_hh").value()) : p.get("weight_hh");
                Var input = g.addBias(g.matmulTransposed(x, p.get("weight_ih")), p.get("bias"));
                return List.of(g.relu(g.add(input, g.mulRowVector(state.getFirst(), u))));
            }
        };
    }
}
