package org.rnnlab.model.seq2seq;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/** Luong et al. (2015), "dot": {@code score(k, q) = k . q}; no parameters, keys and queries equally wide. */
record DotAttention() implements Attention {
    @Override
    public String id() {
        return "dot";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public void initialize(Map<String, Tensor> p, RandomGenerator random) {
        // nothing to learn
    }

    @Override
    public Var keys(Graph g, Var encoderOutputs, Map<String, Var> p) {
        return encoderOutputs;
    }

    @Override
    public Var scores(Graph g, Var keys, Var query, Map<String, Var> p) {
        return g.blockDot(keys, query);
    }
}
