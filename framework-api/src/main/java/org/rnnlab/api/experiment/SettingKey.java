package org.rnnlab.api.experiment;

import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Objects;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ConfigException;

/**
 * One setting: its name, the type of its value, its default, the rule its value must follow, what it means
 * (one line) and who reads it. Keys are declared once, as constants of the class that reads them, and
 * listed in that component's {@link SettingsSchema}; reading goes through the key, so the default is
 * written in one place only:
 * <pre>{@code
 * static final SettingKey<Integer> LENGTH = SettingKey.integer("length", "tokens per example")
 *         .defaultsTo(20).checked(SettingCheck.atLeast(2));
 * ...
 * int length = options.get(LENGTH);
 * }</pre>
 *
 * <p>A component's keys are named relative to the component ({@code length}); the user gives them as
 * {@code dataset.length} or, for that dataset only, {@code order.length}. A trainer's keys are top-level
 * ({@code epochs}). Names are lowercase words joined by {@code _}, groups joined by {@code .}.
 *
 * @param name         the key, relative to its component
 * @param type         how the value is parsed and shown
 * @param defaultValue the value when the key is not given; none for a key without one
 * @param required     whether a value must be given (then there is no default)
 * @param check        the rule a parsed value must follow
 * @param meaning      one line: what the setting does
 * @param owner        who reads it: a component ({@code cell lstm}), {@code runtime}, or empty until a
 *                     {@link SettingsSchema} names it
 * @param formerNames  names the key had before, still accepted (model files and runs written then)
 * @param <T>          the value's type
 * @since 0.2
 */
public record SettingKey<T>(String name, SettingType<T> type, Option<T> defaultValue, boolean required,
                            SettingCheck<? super T> check, String meaning, String owner, List<String> formerNames) {

    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(owner, "owner");
        formerNames = List.copyOf(formerNames);
        if (required && defaultValue.isDefined()) {
            throw new IllegalArgumentException("setting '" + name + "' is required and has a default");
        }
    }

    /** A key of any type, with no default, no rule and no owner yet. */
    public static <T> SettingKey<T> of(String name, SettingType<T> type, String meaning) {
        return new SettingKey<>(name, type, Option.none(), false, SettingCheck.any(), meaning, "", List.of());
    }

    public static SettingKey<Integer> integer(String name, String meaning) {
        return of(name, SettingType.INTEGER, meaning);
    }

    public static SettingKey<Double> real(String name, String meaning) {
        return of(name, SettingType.REAL, meaning);
    }

    public static SettingKey<Boolean> flag(String name, String meaning) {
        return of(name, SettingType.FLAG, meaning);
    }

    public static SettingKey<String> text(String name, String meaning) {
        return of(name, SettingType.TEXT, meaning);
    }

    /** A key whose value is one of {@code words} (see {@link SettingType#oneOf}). */
    public static SettingKey<String> oneOf(String name, String meaning, String... words) {
        return of(name, SettingType.oneOf(words), meaning);
    }

    /** A key naming a component of {@code kind}. */
    public static SettingKey<String> component(String name, ComponentKind<?> kind, String meaning) {
        return of(name, SettingType.componentId(kind), meaning);
    }

    /** This key with a default. */
    public SettingKey<T> defaultsTo(T value) {
        Objects.requireNonNull(value, "value");
        return new SettingKey<>(name, type, Option.some(value), false, check, meaning, owner, formerNames);
    }

    /** This key, which must be given (no default). */
    public SettingKey<T> requiredKey() {
        return new SettingKey<>(name, type, Option.none(), true, check, meaning, owner, formerNames);
    }

    /** This key with {@code rule} added to its check. */
    public SettingKey<T> checked(SettingCheck<? super T> rule) {
        @SuppressWarnings("unchecked")
        SettingCheck<T> mine = (SettingCheck<T>) check;
        return new SettingKey<>(name, type, defaultValue, required, mine.and(rule), meaning, owner, formerNames);
    }

    /** This key owned by {@code who}. */
    public SettingKey<T> ownedBy(String who) {
        return new SettingKey<>(name, type, defaultValue, required, check, meaning, who, formerNames);
    }

    /** This key, also accepted under {@code names} it had before. */
    public SettingKey<T> formerly(String... names) {
        return new SettingKey<>(name, type, defaultValue, required, check, meaning, owner, List.of(names));
    }

    /** Whether {@code key} is this key's name or one of its former names. */
    public boolean answersTo(String key) {
        return name.equals(key) || formerNames.contains(key);
    }

    /** The text given for this key in {@code settings} (under its name, else a former name). */
    public Option<String> given(Settings settings) {
        if (settings.has(name)) {
            return Option.some(settings.string(name));
        }
        return Option.ofOptional(formerNames.stream().filter(settings::has).findFirst()).map(settings::string);
    }

    /**
     * The value given in {@code settings}, none if it is not given, or the problem with it: not parsed, rule
     * broken, or absent though required. Messages name the key as {@code shownAs} (what the user typed).
     */
    public Validation<String, Option<T>> validate(Settings settings, String shownAs) {
        Option<String> raw = given(settings);
        if (raw.isEmpty()) {
            return required ? Validation.invalid("setting '" + shownAs + "' is required") : Validation.valid(Option.none());
        }
        return validateValue(raw.get(), shownAs).map(Option::some);
    }

    /** The value of {@code raw}, or the problem with it, naming the key as {@code shownAs}. */
    public Validation<String, T> validateValue(String raw, String shownAs) {
        return type.parse(raw)
                .flatMap(v -> check.test().test(v) ? io.vavr.control.Either.right(v) : io.vavr.control.Either.<String, T>left(check.rule()))
                .fold(rule -> Validation.<String, T>invalid("setting '" + shownAs + "' must " + rule + " but was '" + raw + "'"),
                        Validation::valid);
    }

    /** The value given, else the default, else none. Throws {@link ConfigException} for a bad or missing value. */
    public Option<T> find(Settings settings) {
        Validation<String, Option<T>> v = validate(settings, name);
        if (v.isInvalid()) {
            throw new ConfigException(v.getError());
        }
        return v.get().orElse(defaultValue);
    }

    /**
     * The value given, else the default. Throws {@link ConfigException} for a bad value or a missing required
     * one, and {@link IllegalStateException} for a key that has no default (read it with {@link #find}).
     */
    public T get(Settings settings) {
        Option<T> v = find(settings);
        if (v.isEmpty()) {
            throw new IllegalStateException("setting '" + name + "' has no default: read it with find");
        }
        return v.get();
    }

    /** The default as a user would type it, {@code required}, or empty. */
    public String shownDefault() {
        return required ? "required" : defaultValue.map(type::format).getOrElse("");
    }
}
