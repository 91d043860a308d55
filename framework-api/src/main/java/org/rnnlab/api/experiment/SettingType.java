package org.rnnlab.api.experiment;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.rnnlab.api.ComponentKind;

/**
 * The type of a setting's value: how the string a user typed ({@code --set hidden=64}) becomes a value, and
 * how a value is shown again ({@code lab describe}, error messages). The built-in types cover integers, finite
 * numbers, flags, text, a fixed set of words and component ids; {@link #of} makes any other.
 *
 * <p>A type only parses; limits such as "at least 1" are a {@link SettingCheck} on the key.
 *
 * @param <T> the value's Java type
 * @since 0.2
 */
public final class SettingType<T> {
    /** Any text that is not blank, as given. */
    public static final SettingType<String> TEXT = of("text",
            v -> v.isBlank() ? Either.left("not be empty") : Either.right(v), s -> s);
    /** A 32-bit integer. */
    public static final SettingType<Integer> INTEGER = of("integer", v -> integer(v.trim()), String::valueOf);
    /** A finite number. */
    public static final SettingType<Double> REAL = of("number", v -> real(v.trim()), SettingType::number);
    /** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}, {@code 1}/{@code 0}). */
    public static final SettingType<Boolean> FLAG = of("true|false", v -> flag(v.trim()), String::valueOf);

    private final String name;
    private final Function<String, Either<String, T>> parser;
    private final Function<? super T, String> formatter;
    private final Option<ComponentKind<?>> component;

    private SettingType(String name, Function<String, Either<String, T>> parser, Function<? super T, String> formatter,
                        Option<ComponentKind<?>> component) {
        this.name = Objects.requireNonNull(name, "name");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.component = component;
    }

    /**
     * A type of your own.
     *
     * @param name      what {@code lab describe} shows, e.g. {@code number or uniform}
     * @param parser    the value of the string as given, or on the left what the value must be, completing
     *                  "setting 'x' must ..." (e.g. {@code "be a number or uniform"})
     * @param formatter the value as a user would type it
     */
    public static <T> SettingType<T> of(String name, Function<String, Either<String, T>> parser,
                                        Function<? super T, String> formatter) {
        return new SettingType<>(name, parser, formatter, Option.none());
    }

    /** One of {@code words}, case-insensitive; the value is the word in lower case. */
    public static SettingType<String> oneOf(String... words) {
        List<String> allowed = List.of(words);
        return of(String.join("|", allowed), v -> {
            String w = v.trim().toLowerCase(Locale.ROOT);
            return allowed.contains(w) ? Either.right(w) : Either.left("be one of " + String.join(", ", allowed));
        }, s -> s);
    }

    /** The id of a component of {@code kind}; the settings validation also checks that it exists. */
    public static SettingType<String> componentId(ComponentKind<?> kind) {
        return new SettingType<>(kind.name() + " id", TEXT.parser, s -> s, Option.some(kind));
    }

    /** What {@code lab describe} shows for this type. */
    public String name() {
        return name;
    }

    /** The kind whose id a value names, for {@link #componentId} types. */
    public Option<ComponentKind<?>> component() {
        return component;
    }

    /** The value of {@code raw}, or on the left what it must be ("be an integer"). Numbers and words may have spaces around. */
    public Either<String, T> parse(String raw) {
        return parser.apply(raw);
    }

    /** {@code value} as a user would type it. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Either<String, Integer> integer(String v) {
        try {
            return Either.right(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return Either.left("be an integer");
        }
    }

    private static Either<String, Double> real(String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return Either.right(d);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        return Either.left("be a finite number");
    }

    private static Either<String, Boolean> flag(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Either.right(true);
            case "false", "no", "off", "0" -> Either.right(false);
            default -> Either.left("be true or false");
        };
    }

    /** 1, 0.001, 1e-08 rather than 1.0 and 1.0E-8. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (Math.abs(d) >= 1e-4 && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.6g", d).replaceFirst("\\.?0+e", "e");
    }
}
