package org.rnnlab.api.experiment;

import io.vavr.control.Option;
import java.util.Locale;

/** The type of a setting's value, with the check {@code --set} applies before any training. */
public enum SettingType {
    TEXT, INTEGER, REAL, FLAG, COMPONENT_ID;

    /** A problem with {@code value} for {@code key}, or none. */
    Option<String> check(String key, String value) {
        String v = value.trim();
        return switch (this) {
            case TEXT, COMPONENT_ID -> v.isEmpty() ? Option.some("setting '" + key + "' is empty") : Option.none();
            case INTEGER -> parses(() -> Integer.parseInt(v)) ? Option.none()
                    : Option.some("setting '" + key + "' must be an integer but was '" + value + "'");
            case REAL -> parses(() -> Double.parseDouble(v)) && Double.isFinite(Double.parseDouble(v)) ? Option.none()
                    : Option.some("setting '" + key + "' must be a finite number but was '" + value + "'");
            case FLAG -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "false", "yes", "no", "on", "off", "1", "0" -> Option.none();
                default -> Option.some("setting '" + key + "' must be true or false but was '" + value + "'");
            };
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
