package org.rnnlab.api.experiment;

import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ConfigException;

/**
 * The settings of one variant, or a component's options, as {@code key=value} strings (what {@code --set}
 * takes). Keys are dotted lowercase: {@code cell}, {@code cell.activation}, {@code hidden},
 * {@code optimizer.beta1}, {@code dataset.path}. Values are read through their {@link SettingKey}
 * ({@link #get}), which knows the type, the default and the rule.
 */
public record Settings(Map<String, String> values) {
    public Settings {
        values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("setting '" + key + "' is required");
        }
        return v;
    }

    /** The value of {@code key}: the one given, else its default; see {@link SettingKey#get}. */
    public <T> T get(SettingKey<T> key) {
        return key.get(this);
    }

    /** The value of {@code key} given, else its default, else none; see {@link SettingKey#find}. */
    public <T> io.vavr.control.Option<T> find(SettingKey<T> key) {
        return key.find(this);
    }

    /** The settings under {@code prefix.} with the prefix removed, e.g. {@code cell.activation} to {@code activation}. */
    public Map<String, String> under(String prefix) {
        Map<String, String> out = new TreeMap<>();
        String p = prefix + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                out.put(k.substring(p.length()), v);
            }
        });
        return out;
    }

    /** These settings with {@code overrides} on top. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> m = new TreeMap<>(values);
        m.putAll(overrides);
        return new Settings(m);
    }
}
