package org.rnnlab.api.experiment;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.rnnlab.api.ConfigException;

/**
 * The settings one component reads ({@link org.rnnlab.api.Component#settings()}), or the runtime: every key
 * with its type, default, rule, meaning and owner. It is what the settings validation checks an experiment
 * against before any training, and what {@code lab describe} prints.
 *
 * @param keys the keys, in the order {@code lab describe} lists them; names unique
 * @since 0.2
 */
public record SettingsSchema(List<SettingKey<?>> keys) {
    /** No settings at all: any key given for the component is refused. */
    public static final SettingsSchema EMPTY = new SettingsSchema(List.of());

    public SettingsSchema {
        keys = List.copyOf(keys);
        Set<String> names = new HashSet<>();
        for (SettingKey<?> k : keys) {
            for (String n : names(k)) {
                if (!names.add(n)) {
                    throw new IllegalArgumentException("two settings named '" + n + "' in one schema");
                }
            }
        }
    }

    /** The schema of {@code keys}, each owned by {@code owner} unless it names its own owner. */
    public static SettingsSchema of(String owner, SettingKey<?>... keys) {
        return of(owner, List.of(keys));
    }

    /** The schema of {@code keys}, each owned by {@code owner} unless it names its own owner. */
    public static SettingsSchema of(String owner, List<SettingKey<?>> keys) {
        List<SettingKey<?>> owned = new ArrayList<>(keys.size());
        keys.forEach(k -> owned.add(k.owner().isEmpty() ? k.ownedBy(owner) : k));
        return new SettingsSchema(owned);
    }

    /** These keys and then {@code other}'s. */
    public SettingsSchema plus(SettingsSchema other) {
        List<SettingKey<?>> all = new ArrayList<>(keys);
        all.addAll(other.keys);
        return new SettingsSchema(all);
    }

    /** The key named {@code name} (or formerly so). */
    public Option<SettingKey<?>> key(String name) {
        return Option.ofOptional(keys.stream().filter(k -> k.answersTo(name)).findFirst());
    }

    /** The current names of the keys, sorted. */
    public List<String> names() {
        return keys.stream().map(SettingKey::name).sorted().toList();
    }

    /**
     * Every problem with {@code options}, a component's settings relative to it (prefix removed): keys the
     * schema does not have, values the keys refuse, required keys missing. Keys are named in messages as
     * {@code prefix.key}, which is what the user typed; {@code whose} names the component
     * ({@code cell 'lstm'}).
     */
    public Validation<Seq<String>, Settings> validate(Settings options, String prefix, String whose) {
        List<String> problems = new ArrayList<>();
        for (String given : new TreeMap<>(options.values()).keySet()) {
            if (key(given).isEmpty()) {
                problems.add(unknown(prefix + "." + given, prefix, whose));
            }
        }
        for (SettingKey<?> k : keys) {
            k.validate(options, prefix + "." + k.name()).swap().forEach(problems::add);
        }
        return problems.isEmpty() ? Validation.valid(options) : Validation.invalid(Vector.ofAll(problems));
    }

    /** {@code options} if {@link #validate} finds nothing, else a {@link ConfigException} listing every problem. */
    public Settings require(Settings options, String prefix, String whose) {
        Validation<Seq<String>, Settings> v = validate(options, prefix, whose);
        if (v.isInvalid()) {
            throw new ConfigException(v.getError().asJava());
        }
        return options;
    }

    /**
     * Every problem with the values of the keys of this schema that {@code settings} gives (top-level keys,
     * as a trainer's are); other keys are left alone.
     */
    public Validation<Seq<String>, Settings> validateValues(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (SettingKey<?> k : keys) {
            k.validate(settings, k.name()).swap().forEach(problems::add);
        }
        return problems.isEmpty() ? Validation.valid(settings) : Validation.invalid(Vector.ofAll(problems));
    }

    /** {@code settings} if {@link #validateValues} finds nothing, else a {@link ConfigException} listing every problem. */
    public Settings requireValues(Settings settings) {
        Validation<Seq<String>, Settings> v = validateValues(settings);
        if (v.isInvalid()) {
            throw new ConfigException(v.getError().asJava());
        }
        return settings;
    }

    /** "unknown setting 'cell.foo': cell 'lstm' takes cell.forget_bias". */
    String unknown(String shown, String prefix, String whose) {
        return "unknown setting '" + shown + "': " + whose + (keys.isEmpty() ? " takes no settings"
                : " takes " + String.join(", ", names().stream().map(n -> prefix + "." + n).toList()));
    }

    private static List<String> names(SettingKey<?> k) {
        List<String> n = new ArrayList<>(k.formerNames());
        n.add(k.name());
        return n;
    }
}
