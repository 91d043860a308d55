package org.rnnlab.api.experiment;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule a setting's parsed value must follow, such as "at least 1", with the words that complete
 * "setting 'x' must ..." in an error message and describe the rule in {@code lab describe}.
 *
 * @param rule what the value must be, e.g. {@code "be at least 1"}; empty for {@link #any()}
 * @param test true for a value that follows the rule
 * @param <T>  the value's type
 * @since 0.2
 */
public record SettingCheck<T>(String rule, Predicate<? super T> test) {
    private static final SettingCheck<Object> ANY = new SettingCheck<>("", v -> true);

    public SettingCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(test, "test");
    }

    /** Every value. */
    @SuppressWarnings("unchecked")
    public static <T> SettingCheck<T> any() {
        return (SettingCheck<T>) ANY;
    }

    /** {@code value >= min} ({@link #nonNegative()} for 0). */
    public static <N extends Number> SettingCheck<N> atLeast(double min) {
        if (min == 0) {
            return nonNegative();
        }
        return new SettingCheck<>("be at least " + SettingType.number(min), v -> v.doubleValue() >= min);
    }

    /**
     * {@code min <= value <= max}: the upper bound keeps a typing error ({@code layers=100000}) from reaching the
     * allocator; it lies far above anything the built-in experiments use.
     */
    public static <N extends Number> SettingCheck<N> between(double min, double max) {
        return new SettingCheck<>("be between " + SettingType.number(min) + " and " + SettingType.number(max),
                v -> v.doubleValue() >= min && v.doubleValue() <= max);
    }

    /** {@code value > 0}. */
    public static <N extends Number> SettingCheck<N> positive() {
        return new SettingCheck<>("be positive", v -> v.doubleValue() > 0);
    }

    /** {@code value >= 0}. */
    public static <N extends Number> SettingCheck<N> nonNegative() {
        return new SettingCheck<>("not be negative", v -> v.doubleValue() >= 0);
    }

    /** {@code 0 <= value < 1}. */
    public static <N extends Number> SettingCheck<N> fraction() {
        return new SettingCheck<>("be a fraction in [0, 1)", v -> v.doubleValue() >= 0 && v.doubleValue() < 1);
    }

    /** A path to a regular file that can be read (relative paths from the working directory). */
    public static SettingCheck<String> readableFile() {
        return new SettingCheck<>("be a readable file", v -> {
            try {
                Path p = Path.of(v);
                return Files.isRegularFile(p) && Files.isReadable(p);
            } catch (InvalidPathException e) {
                return false;
            }
        });
    }

    /** A path to a readable regular file or a readable folder (relative paths from the working directory). */
    public static SettingCheck<String> readableFileOrFolder() {
        return new SettingCheck<>("be a readable file or folder", v -> {
            try {
                Path p = Path.of(v);
                return (Files.isRegularFile(p) || Files.isDirectory(p)) && Files.isReadable(p);
            } catch (InvalidPathException e) {
                return false;
            }
        });
    }

    /** Whether this is {@link #any()}. */
    public boolean isAny() {
        return rule.isEmpty();
    }

    /** Both rules. */
    public SettingCheck<T> and(SettingCheck<? super T> other) {
        if (isAny()) {
            @SuppressWarnings("unchecked")
            SettingCheck<T> o = (SettingCheck<T>) other;
            return o;
        }
        if (other.isAny()) {
            return this;
        }
        Predicate<? super T> a = test;
        Predicate<? super T> b = other.test;
        return new SettingCheck<>(rule + " and " + other.rule, v -> a.test(v) && b.test(v));
    }
}
