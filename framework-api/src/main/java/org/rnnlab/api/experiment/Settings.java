package org.rnnlab.api.experiment;

import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ConfigException;

/**
 * The settings of one variant as {@code key=value} strings (what {@code --set} takes), with typed
 * readers that name the key and the bad value. Keys are dotted lowercase: {@code cell},
 * {@code cell.activation}, {@code hidden}, {@code optimizer.lr}, {@code dataset.path}.
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

    public int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("setting '" + key + "' must be an integer but was '" + v + "'");
        }
    }

    public double real(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("setting '" + key + "' must be a number but was '" + v + "'");
        }
    }

    public boolean flag(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException("setting '" + key + "' must be true or false but was '" + v + "'");
        };
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
