package org.rnnlab.experiments.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format, version 0.0.4 (prometheus.io, "Exposition
 * formats"): {@code # HELP} and {@code # TYPE} lines, samples {@code name{label="value",...} value
 * [timestamp]}. Every line must be one of these, every sample's family must have been typed before it,
 * and a family is typed once; anything else is an {@link IllegalArgumentException} naming the line.
 */
final class PrometheusTextFormat {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: (-?\\d+))?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final List<String> SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_max", "_created");

    private PrometheusTextFormat() {}

    record Sample(String name, Map<String, String> labels, double value) {}

    record Exposition(Map<String, String> types, List<Sample> samples) {
        /** The samples named {@code name} whose labels include {@code labels}. */
        List<Sample> find(String name, Map<String, String> labels) {
            return samples.stream().filter(s -> s.name().equals(name))
                    .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        }
    }

    static Exposition parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a line feed");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "'";
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = TYPE.matcher(line)).matches()) {
                if (types.put(m.group(1), m.group(2)) != null) {
                    throw new IllegalArgumentException(where + ": family typed twice");
                }
            } else if (HELP.matcher(line).matches() || (line.startsWith("#") && !line.startsWith("# TYPE")
                    && !line.startsWith("# HELP"))) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (family(name, types) == null) {
                    throw new IllegalArgumentException(where + ": sample of a family without # TYPE before it");
                }
                samples.add(new Sample(name, labels(m.group(2), where), value(m.group(3), where)));
            } else {
                throw new IllegalArgumentException(where + ": neither a comment nor a sample");
            }
        }
        return new Exposition(types, samples);
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, String where) {
        Map<String, String> labels = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException(where + ": malformed labels at '" + text.substring(at) + "'");
            }
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(m.group(1), value) != null) {
                throw new IllegalArgumentException(where + ": label " + m.group(1) + " twice");
            }
            at = m.end();
        }
        return labels;
    }

    private static double value(String text, String where) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": value '" + text + "' is no number");
                }
            }
        };
    }
}
