package org.rnnlab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run changed from its experiment's defaults ({@code --quick}, {@code --set key=value}), and the
 * sentence a reader needs beside a lesson text whose figures were measured at those defaults: without it,
 * a user's own 120-row CSV would still read "3,000 review sentences ... about 0.8".
 */
final class DefaultsNote {
    private DefaultsNote() {}

    /** The {@code --set} overrides of {@code request} as sorted {@code key=value}s (the request's {@code set.} keys). */
    static List<String> overrides(Map<String, String> request) {
        return request.entrySet().stream().filter(e -> e.getKey().startsWith("set."))
                .map(e -> e.getKey().substring(4) + "=" + e.getValue()).sorted().toList();
    }

    static boolean quick(Map<String, String> request) {
        return Boolean.parseBoolean(request.getOrDefault("quick", "false"));
    }

    /**
     * The paragraph to put after a lesson text when {@code request} departs from the defaults, or "" when
     * it does not.
     */
    static String of(Map<String, String> request) {
        List<String> changes = new ArrayList<>();
        if (quick(request)) {
            changes.add("was --quick");
        }
        List<String> overrides = overrides(request);
        if (!overrides.isEmpty()) {
            changes.add("overrides " + String.join(", ", overrides));
        }
        if (changes.isEmpty()) {
            return "";
        }
        return "Note: this run " + String.join(" and ", changes) + ". The figures in the text above are the lesson's"
                + " at its defaults; they were not measured on this run (the claims say what was checked).";
    }
}
