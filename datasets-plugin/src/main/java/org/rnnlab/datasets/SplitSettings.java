package org.rnnlab.datasets;

import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;

/** The settings of the held-out splits, which most datasets take with defaults of their own. */
final class SplitSettings {
    private SplitSettings() {}

    static SettingKey<Double> validationFraction(double byDefault) {
        return SettingKey.real("validation", "fraction of the examples held out for validation")
                .defaultsTo(byDefault).checked(SettingCheck.fraction());
    }

    static SettingKey<Double> testFraction(double byDefault) {
        return SettingKey.real("test", "fraction of the examples held out for the final test")
                .defaultsTo(byDefault).checked(SettingCheck.fraction());
    }

    static SettingKey<Integer> trainCount(int byDefault, int atLeast) {
        return SettingKey.integer("count", "training examples generated").defaultsTo(byDefault)
                .checked(SettingCheck.atLeast(atLeast));
    }

    static SettingKey<Integer> validationCount(int byDefault) {
        return SettingKey.integer("validation", "validation examples generated").defaultsTo(byDefault)
                .checked(SettingCheck.nonNegative());
    }

    static SettingKey<Integer> testCount(int byDefault) {
        return SettingKey.integer("test", "test examples generated").defaultsTo(byDefault)
                .checked(SettingCheck.nonNegative());
    }

    /** The {@code path} of a user's file: required, and checked to be readable before any training. */
    static SettingKey<String> path(String meaning) {
        return SettingKey.text("path", meaning).requiredKey().checked(SettingCheck.readableFile());
    }
}
