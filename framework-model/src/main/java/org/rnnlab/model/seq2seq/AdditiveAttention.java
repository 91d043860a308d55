package org.rnnlab.model.seq2seq;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * Bahdanau et al. (2015): {@code score(k, q) = v . tanh(W k + b + U q)} with {@code key.weight W [A, K]},
 * {@code key.bias b [A]}, {@code query.weight U [A, Q]}, {@code score.weight v [1, A]}. A bias on
 * {@code U q} or on the score would only add a constant per sequence, which the softmax removes, so
 * there is none. {@code W k + b} is computed once per source batch.
 */
record AdditiveAttention(int keySize, int querySize, int size) implements Attention {
    static final String KEY_WEIGHT = "key.weight";
    static final String KEY_BIAS = "key.bias";
    static final String QUERY_WEIGHT = "query.weight";
    static final String SCORE_WEIGHT = "score.weight";

    @Override
    public String id() {
        return "additive";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(KEY_WEIGHT, new int[] {size, keySize}),
                new ParameterSpec(KEY_BIAS, new int[] {size}),
                new ParameterSpec(QUERY_WEIGHT, new int[] {size, querySize}),
                new ParameterSpec(SCORE_WEIGHT, new int[] {1, size}));
    }

    @Override
    public void initialize(Map<String, Tensor> p, RandomGenerator random) {
        LinearInit.uniform(p.get(KEY_WEIGHT), keySize, random);
        LinearInit.uniform(p.get(KEY_BIAS), keySize, random);
        LinearInit.uniform(p.get(QUERY_WEIGHT), querySize, random);
        LinearInit.uniform(p.get(SCORE_WEIGHT), size, random);
    }

    @Override
    public Var keys(Graph g, Var encoderOutputs, Map<String, Var> p) {
        return g.addBias(g.matmulTransposed(encoderOutputs, p.get(KEY_WEIGHT)), p.get(KEY_BIAS));
    }

    @Override
    public Var scores(Graph g, Var keys, Var query, Map<String, Var> p) {
        return g.blockTanhDot(keys, g.matmulTransposed(query, p.get(QUERY_WEIGHT)), p.get(SCORE_WEIGHT));
    }
}
