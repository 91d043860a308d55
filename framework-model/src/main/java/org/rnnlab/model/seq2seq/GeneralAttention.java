package org.rnnlab.model.seq2seq;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * Luong et al. (2015), "general": {@code score(k, q) = k . (W q)} with {@code weight W [K, Q]}, so keys
 * and queries may differ in width. {@code W q} is one product per decoder step, not one per source step.
 */
record GeneralAttention(int keySize, int querySize) implements Attention {
    static final String WEIGHT = "weight";

    @Override
    public String id() {
        return "general";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(WEIGHT, new int[] {keySize, querySize}));
    }

    @Override
    public void initialize(Map<String, Tensor> p, RandomGenerator random) {
        LinearInit.uniform(p.get(WEIGHT), querySize, random);
    }

    @Override
    public Var keys(Graph g, Var encoderOutputs, Map<String, Var> p) {
        return encoderOutputs;
    }

    @Override
    public Var scores(Graph g, Var keys, Var query, Map<String, Var> p) {
        return g.blockDot(keys, g.matmulTransposed(query, p.get(WEIGHT)));
    }
}
