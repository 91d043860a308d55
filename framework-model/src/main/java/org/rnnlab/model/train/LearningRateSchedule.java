package org.rnnlab.model.train;

import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;

/**
 * The learning rate at each optimiser step (counted from 0 over the whole run). Contract: a pure
 * function of the step, so that a resumed run gets the same rates as an uninterrupted one.
 *
 * <p>From settings: {@code lr}, {@code schedule} = {@code constant} | {@code step} | {@code cosine} |
 * {@code warmup}, with {@code schedule.step_epochs} and {@code schedule.gamma} (step decay, as
 * PyTorch's {@code StepLR} stepped once per epoch), {@code schedule.min_lr} (cosine, as
 * {@code CosineAnnealingLR} over the whole run) and {@code schedule.warmup_steps} (linear warm-up, which
 * also prefixes {@code cosine} and {@code step} when given).
 */
public sealed interface LearningRateSchedule {

    /** The rate for optimiser step {@code step}. */
    double rate(long step);

    /** The schedule named by {@code schedule} (default {@code constant}) for a run of this length. */
    static LearningRateSchedule of(Settings settings, int stepsPerEpoch, int epochs) {
        double lr = settings.real("lr", 0.001);
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new ConfigException("setting 'lr' must be a positive number but was '" + settings.string("lr", "") + "'");
        }
        long total = Math.max(1L, (long) stepsPerEpoch * epochs);
        int warmup = settings.integer("schedule.warmup_steps", 0);
        String name = settings.string("schedule", "constant");
        LearningRateSchedule base = switch (name) {
            case "constant" -> new Constant(lr);
            case "step" -> new StepDecay(lr, (long) Math.max(1, settings.integer("schedule.step_epochs", 1)) * stepsPerEpoch,
                    settings.real("schedule.gamma", 0.1));
            case "cosine" -> new Cosine(lr, settings.real("schedule.min_lr", 0.0), total);
            case "warmup" -> new Constant(lr);
            default -> throw new ConfigException("setting 'schedule' must be one of constant, step, cosine, warmup but was '"
                    + name + "'");
        };
        if (name.equals("warmup") && warmup <= 0) {
            warmup = Math.max(1, stepsPerEpoch);
        }
        return warmup > 0 ? new Warmup(base, warmup) : base;
    }

    /** The same rate at every step. */
    record Constant(double lr) implements LearningRateSchedule {
        @Override
        public double rate(long step) {
            return lr;
        }
    }

    /** {@code lr * gamma^(step / every)}. */
    record StepDecay(double lr, long every, double gamma) implements LearningRateSchedule {
        @Override
        public double rate(long step) {
            return lr * Math.pow(gamma, (double) (step / every));
        }
    }

    /** {@code min + (lr - min) * (1 + cos(pi * step / total)) / 2}. */
    record Cosine(double lr, double minLr, long total) implements LearningRateSchedule {
        @Override
        public double rate(long step) {
            double progress = Math.min(1.0, (double) step / total);
            return minLr + (lr - minLr) * (1 + Math.cos(Math.PI * progress)) / 2;
        }
    }

    /** {@code base(step) * (step + 1) / steps} for the first {@code steps} steps, then {@code base}. */
    record Warmup(LearningRateSchedule base, long steps) implements LearningRateSchedule {
        @Override
        public double rate(long step) {
            double factor = step < steps ? (double) (step + 1) / steps : 1.0;
            return base.rate(step) * factor;
        }
    }
}
