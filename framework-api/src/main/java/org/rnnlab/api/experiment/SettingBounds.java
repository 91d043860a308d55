package org.rnnlab.api.experiment;

import io.vavr.control.Option;
import java.util.Map;

/**
 * The ranges of the numeric settings, checked with the types before any run folder is made: a size or
 * count outside its range would otherwise fail every variant one by one, or grow until memory runs out.
 * The upper bounds are far above anything the built-in experiments use and keep a typo ({@code layers=100000})
 * from reaching the allocator; the memory a model needs is estimated separately.
 *
 * <p>Until the settings schema carries validators, the bounds live here, keyed like {@link SettingsSchema}.
 */
final class SettingBounds {
    /**
     * A closed range, or half-open at the bottom when {@code aboveMin}.
     *
     * @param aboveMin the value must be strictly greater than {@code min} (a learning rate of 0 trains nothing)
     */
    record Range(double min, double max, boolean aboveMin) {
        static Range between(double min, double max) {
            return new Range(min, max, false);
        }

        static Range above(double min) {
            return new Range(min, Double.MAX_VALUE, true);
        }

        boolean holds(double v) {
            return (aboveMin ? v > min : v >= min) && v <= max;
        }

        String describe(boolean integer) {
            String low = integer ? Long.toString((long) min) : Double.toString(min);
            if (max == Double.MAX_VALUE) {
                return aboveMin ? "greater than " + low : "at least " + low;
            }
            String high = integer ? Long.toString((long) max) : Double.toString(max);
            return aboveMin ? "greater than " + low + " and at most " + high : "between " + low + " and " + high;
        }
    }

    static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("hidden", Range.between(1, 16_384)),
            Map.entry("layers", Range.between(1, 64)),
            Map.entry("embedding", Range.between(0, 16_384)),
            Map.entry("epochs", Range.between(1, 1_000_000)),
            Map.entry("batch", Range.between(1, 65_536)),
            Map.entry("lr", Range.above(0)),
            Map.entry("clip", Range.between(0, Double.MAX_VALUE)),
            Map.entry("clip.value", Range.between(0, Double.MAX_VALUE)),
            Map.entry("tbptt.k", Range.between(1, 1_000_000)),
            Map.entry("early_stopping.patience", Range.between(0, 1_000_000)),
            Map.entry("samples", Range.between(0, 10_000)),
            Map.entry("temperature", Range.above(0)),
            Map.entry("top_k", Range.between(0, 1_000_000)),
            Map.entry("sample_length", Range.between(1, 1_000_000)),
            Map.entry("schedule.step_epochs", Range.between(1, 1_000_000)),
            Map.entry("schedule.gamma", new Range(0, 1, true)),
            Map.entry("schedule.min_lr", Range.between(0, Double.MAX_VALUE)),
            Map.entry("schedule.warmup_steps", Range.between(0, 100_000_000)));

    private SettingBounds() {}

    /** A problem with {@code value} for {@code key} of {@code type}, or none; a value that does not parse is the type's problem. */
    static Option<String> check(String key, SettingType type, String value) {
        Range range = RANGES.get(key);
        if (range == null || (type != SettingType.INTEGER && type != SettingType.REAL)) {
            return Option.none();
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Option.none();
        }
        return range.holds(v) ? Option.none()
                : Option.some("setting '" + key + "' must be " + range.describe(type == SettingType.INTEGER)
                        + " but was " + value.trim());
    }
}
