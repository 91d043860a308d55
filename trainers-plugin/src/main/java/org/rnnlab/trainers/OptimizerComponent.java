package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.OptimizerFactory;

/**
 * One built-in optimiser: its id, the {@code optimizer.*} options it understands (an unknown one is an
 * error that lists the known ones) and how to make it. Defaults are PyTorch's.
 */
record OptimizerComponent(String id, String description, Set<String> options, Function<Settings, Optimizer> maker)
        implements OptimizerFactory {

    OptimizerComponent {
        options = Set.copyOf(options);
    }

    @Override
    public Optimizer create(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(settings.values().keySet())) {
            if (!options.contains(key)) {
                problems.add("optimizer '" + id + "' has no option '" + key + "'; its options: "
                        + String.join(", ", new TreeSet<>(options)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return maker.apply(settings);
    }

    /** The seven built-in optimisers, sorted by id. */
    static List<OptimizerComponent> builtIn() {
        Set<String> sgd = Set.of("momentum", "dampening", "weight_decay", "nesterov");
        Set<String> adam = Set.of("beta1", "beta2", "eps", "weight_decay", "amsgrad");
        return List.of(
                new OptimizerComponent("adagrad", "Adagrad (PyTorch formulas and defaults)",
                        Set.of("lr_decay", "weight_decay", "initial_accumulator_value", "eps"),
                        s -> new AdagradOptimizer(s.real("lr_decay", 0), s.real("weight_decay", 0),
                                s.real("initial_accumulator_value", 0), s.real("eps", 1e-10))),
                new OptimizerComponent("adam", "Adam (PyTorch formulas and defaults)", adam,
                        s -> new AdamOptimizer(s.real("beta1", 0.9), s.real("beta2", 0.999), s.real("eps", 1e-8),
                                s.real("weight_decay", 0), false, s.flag("amsgrad", false))),
                new OptimizerComponent("adamw", "AdamW: Adam with decoupled weight decay (default 0.01)", adam,
                        s -> new AdamOptimizer(s.real("beta1", 0.9), s.real("beta2", 0.999), s.real("eps", 1e-8),
                                s.real("weight_decay", 0.01), true, s.flag("amsgrad", false))),
                new OptimizerComponent("momentum", "SGD with momentum (default 0.9)", sgd,
                        s -> new SgdOptimizer(s.real("momentum", 0.9), s.real("dampening", 0),
                                s.real("weight_decay", 0), s.flag("nesterov", false))),
                new OptimizerComponent("nesterov", "SGD with Nesterov momentum (default 0.9)",
                        Set.of("momentum", "weight_decay"),
                        s -> new SgdOptimizer(positive(s, "momentum", 0.9), 0, s.real("weight_decay", 0), true)),
                new OptimizerComponent("rmsprop", "RMSprop (PyTorch formulas and defaults)",
                        Set.of("alpha", "eps", "weight_decay", "momentum", "centered"),
                        s -> new RmsPropOptimizer(s.real("alpha", 0.99), s.real("eps", 1e-8), s.real("weight_decay", 0),
                                s.real("momentum", 0), s.flag("centered", false))),
                new OptimizerComponent("sgd", "plain stochastic gradient descent (PyTorch SGD)", sgd,
                        s -> new SgdOptimizer(s.real("momentum", 0), s.real("dampening", 0),
                                s.real("weight_decay", 0), s.flag("nesterov", false))));
    }

    private static double positive(Settings s, String key, double fallback) {
        double v = s.real(key, fallback);
        if (!(v > 0)) {
            throw new ConfigException("optimizer option '" + key + "' must be positive for nesterov but was " + v);
        }
        return v;
    }
}
