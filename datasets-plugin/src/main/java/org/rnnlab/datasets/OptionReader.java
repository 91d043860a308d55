package org.rnnlab.datasets;

import java.util.Locale;
import java.util.Map;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;

/**
 * Reads a component's options (settings with their prefix removed) and names bad ones by their full
 * setting name, e.g. {@code dataset.length}, since that is what the user typed.
 */
record OptionReader(String prefix, Settings options) {

    String key(String name) {
        return prefix + "." + name;
    }

    boolean has(String name) {
        return options.has(name);
    }

    String string(String name, String fallback) {
        return options.string(name, fallback);
    }

    String required(String name) {
        if (!options.has(name) || options.string(name, "").isBlank()) {
            throw new ConfigException("setting '" + key(name) + "' is required");
        }
        return options.string(name, "");
    }

    int integer(String name, int fallback, int min) {
        int v = full().integer(key(name), fallback);
        if (v < min) {
            throw new ConfigException("setting '" + key(name) + "' must be at least " + min + " but was " + v);
        }
        return v;
    }

    double fraction(String name, double fallback) {
        double v = full().real(key(name), fallback);
        if (!(v >= 0 && v < 1)) {
            throw new ConfigException("setting '" + key(name) + "' must be a fraction in [0, 1) but was " + v);
        }
        return v;
    }

    boolean flag(String name, boolean fallback) {
        return full().flag(key(name), fallback);
    }

    /** One of {@code choices} (case-insensitive), in lower case. */
    String choice(String name, String fallback, java.util.List<String> choices) {
        String v = options.string(name, fallback).trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new ConfigException("setting '" + key(name) + "' must be one of " + String.join(", ", choices)
                    + " but was '" + options.string(name, fallback) + "'");
        }
        return v;
    }

    // Settings' own readers name the key they were given; re-prefix so messages carry the full name.
    private Settings full() {
        Map<String, String> m = new java.util.HashMap<>();
        options.values().forEach((k, v) -> m.put(key(k), v));
        return Settings.of(m);
    }
}
