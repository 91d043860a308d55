package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/** The {@code adam} optimiser for runner tests: it changes nothing. */
final class FixtureOptimizer implements OptimizerFactory {
    @Override public String id() { return "adam"; }
    @Override public String description() { return "changes nothing"; }

    @Override
    public Optimizer create(Settings settings) {
        return new Optimizer() {
            @Override public void step(List<Parameter> parameters, double learningRate) {}
            @Override public Map<String, Tensor> state() { return Map.of(); }
            @Override public void restore(Map<String, Tensor> state) {}
        };
    }
}
