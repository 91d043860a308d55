package org.rnnlab.model.train;

import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

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

    SettingKey<Double> LR = SettingKey.real("lr", "learning rate (where the schedule starts)")
            .defaultsTo(0.001).checked(SettingCheck.positive());
    SettingKey<String> SCHEDULE = SettingKey.oneOf("schedule", "how the learning rate changes over the run",
            "constant", "step", "cosine", "warmup").defaultsTo("constant");
    SettingKey<Integer> STEP_EPOCHS = SettingKey.integer("schedule.step_epochs",
            "epochs between decays of the step schedule").defaultsTo(1).checked(SettingCheck.atLeast(1));
    SettingKey<Double> GAMMA = SettingKey.real("schedule.gamma", "decay factor of the step schedule")
            .defaultsTo(0.1).checked(SettingCheck.nonNegative());
    SettingKey<Double> MIN_LR = SettingKey.real("schedule.min_lr", "the learning rate the cosine schedule ends at")
            .defaultsTo(0.0).checked(SettingCheck.nonNegative());
    SettingKey<Integer> WARMUP_STEPS = SettingKey.integer("schedule.warmup_steps",
            "optimiser steps of linear warm-up before any schedule; 0: none (warmup: one epoch)")
            .defaultsTo(0).checked(SettingCheck.nonNegative());

    /** The settings a schedule reads; a trainer that uses {@link #of} lists them among its own. */
    SettingsSchema SETTINGS = SettingsSchema.of("schedule", LR, SCHEDULE, STEP_EPOCHS, GAMMA, MIN_LR, WARMUP_STEPS);

    /** The schedule named by {@code schedule} (default {@code constant}) for a run of this length. */
    static LearningRateSchedule of(Settings settings, int stepsPerEpoch, int epochs) {
        SETTINGS.requireValues(settings);
        double lr = settings.get(LR);
        long total = Math.max(1L, (long) stepsPerEpoch * epochs);
        int warmup = settings.get(WARMUP_STEPS);
        String name = settings.get(SCHEDULE);
        LearningRateSchedule base = switch (name) {
            case "step" -> new StepDecay(lr, (long) settings.get(STEP_EPOCHS) * stepsPerEpoch, settings.get(GAMMA));
            case "cosine" -> new Cosine(lr, settings.get(MIN_LR), total);
            default -> new Constant(lr); // constant, and warmup's base
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
