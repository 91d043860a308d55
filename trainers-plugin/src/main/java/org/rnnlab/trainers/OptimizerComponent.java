package org.rnnlab.trainers;

import java.util.List;
import java.util.function.Function;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.OptimizerFactory;

/**
 * One built-in optimiser: its id, the {@code optimizer.*} settings it reads (with PyTorch's defaults) and how
 * to make it from them.
 */
record OptimizerComponent(String id, String description, SettingsSchema settings, Function<Settings, Optimizer> maker)
        implements OptimizerFactory {

    private static final SettingKey<Double> EPS_8 = nonNegative("eps", "added to the denominator for stability", 1e-8);
    private static final SettingKey<Double> BETA1 = SettingKey.real("beta1", "decay of the running mean of gradients")
            .defaultsTo(0.9).checked(SettingCheck.fraction());
    private static final SettingKey<Double> BETA2 = SettingKey.real("beta2",
            "decay of the running mean of squared gradients").defaultsTo(0.999).checked(SettingCheck.fraction());
    private static final SettingKey<Boolean> AMSGRAD = SettingKey.flag("amsgrad",
            "use the largest second moment seen so far (Reddi et al. 2018)").defaultsTo(false);
    private static final SettingKey<Double> DAMPENING = nonNegative("dampening", "damping of the momentum", 0);
    private static final SettingKey<Boolean> NESTEROV = SettingKey.flag("nesterov", "Nesterov momentum")
            .defaultsTo(false);

    @Override
    public Optimizer create(Settings settings) {
        return maker.apply(checkOptions(settings));
    }

    /** The seven built-in optimisers, sorted by id. */
    static List<OptimizerComponent> builtIn() {
        SettingKey<Double> adamDecay = weightDecay(0);
        SettingKey<Double> adamwDecay = weightDecay(0.01);
        SettingKey<Double> noMomentum = momentum(0);
        SettingKey<Double> heavyBall = momentum(0.9);
        SettingKey<Double> nesterovMomentum = SettingKey.real("momentum", "momentum factor").defaultsTo(0.9)
                .checked(SettingCheck.positive());
        SettingKey<Double> decay = weightDecay(0);
        SettingKey<Double> lrDecay = nonNegative("lr_decay", "learning-rate decay per step", 0);
        SettingKey<Double> initial = nonNegative("initial_accumulator_value", "starting sum of squared gradients", 0);
        SettingKey<Double> eps10 = nonNegative("eps", "added to the denominator for stability", 1e-10);
        SettingKey<Double> alpha = nonNegative("alpha", "decay of the running mean of squared gradients", 0.99);
        SettingKey<Boolean> centered = SettingKey.flag("centered", "divide by the variance estimate rather than the "
                + "mean square").defaultsTo(false);
        return List.of(
                new OptimizerComponent("adagrad", "Adagrad (PyTorch formulas and defaults)",
                        schema("adagrad", lrDecay, decay, initial, eps10),
                        s -> new AdagradOptimizer(s.get(lrDecay), s.get(decay), s.get(initial), s.get(eps10))),
                new OptimizerComponent("adam", "Adam (PyTorch formulas and defaults)",
                        schema("adam", BETA1, BETA2, EPS_8, adamDecay, AMSGRAD),
                        s -> new AdamOptimizer(s.get(BETA1), s.get(BETA2), s.get(EPS_8), s.get(adamDecay), false,
                                s.get(AMSGRAD))),
                new OptimizerComponent("adamw", "AdamW: Adam with decoupled weight decay (default 0.01)",
                        schema("adamw", BETA1, BETA2, EPS_8, adamwDecay, AMSGRAD),
                        s -> new AdamOptimizer(s.get(BETA1), s.get(BETA2), s.get(EPS_8), s.get(adamwDecay), true,
                                s.get(AMSGRAD))),
                new OptimizerComponent("momentum", "SGD with momentum (default 0.9)",
                        schema("momentum", heavyBall, DAMPENING, decay, NESTEROV),
                        s -> new SgdOptimizer(s.get(heavyBall), s.get(DAMPENING), s.get(decay), s.get(NESTEROV))),
                new OptimizerComponent("nesterov", "SGD with Nesterov momentum (default 0.9)",
                        schema("nesterov", nesterovMomentum, decay),
                        s -> new SgdOptimizer(s.get(nesterovMomentum), 0, s.get(decay), true)),
                new OptimizerComponent("rmsprop", "RMSprop (PyTorch formulas and defaults)",
                        schema("rmsprop", alpha, EPS_8, decay, noMomentum, centered),
                        s -> new RmsPropOptimizer(s.get(alpha), s.get(EPS_8), s.get(decay), s.get(noMomentum),
                                s.get(centered))),
                new OptimizerComponent("sgd", "plain stochastic gradient descent (PyTorch SGD)",
                        schema("sgd", noMomentum, DAMPENING, decay, NESTEROV),
                        s -> new SgdOptimizer(s.get(noMomentum), s.get(DAMPENING), s.get(decay), s.get(NESTEROV))));
    }

    private static SettingsSchema schema(String id, SettingKey<?>... keys) {
        return SettingsSchema.of("optimizer " + id, keys);
    }

    private static SettingKey<Double> weightDecay(double byDefault) {
        return nonNegative("weight_decay", "L2 penalty (decoupled for adamw)", byDefault);
    }

    private static SettingKey<Double> momentum(double byDefault) {
        return nonNegative("momentum", "momentum factor", byDefault);
    }

    private static SettingKey<Double> nonNegative(String name, String meaning, double byDefault) {
        return SettingKey.real(name, meaning).defaultsTo(byDefault).checked(SettingCheck.nonNegative());
    }
}
