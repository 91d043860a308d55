package org.rnnlab.api.experiment;

import java.util.Map;

/**
 * One value of a varied axis: a label used in variant names and the settings it sets, e.g. label
 * {@code bag-of-words} setting {@code tokenizer=bag-of-words, cell=dense}.
 */
public record Alternative(String label, Map<String, String> settings) {
    public Alternative {
        settings = Map.copyOf(settings);
    }

    public static Alternative of(String label, Map<String, String> settings) {
        return new Alternative(label, settings);
    }

    /**
     * {@code key} set to {@code value}, labelled by the value when it names itself ({@code lstm},
     * {@code bag-of-words}) and by {@code key=value} when it does not (a number, a boolean): a variant is
     * {@code layers=2_s1}, never {@code 2_s1}.
     */
    public static Alternative ofSetting(String key, String value) {
        boolean namesItself = !value.isEmpty() && Character.isLetter(value.charAt(0))
                && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")
                && !value.equalsIgnoreCase("nan") && !value.equalsIgnoreCase("infinity");
        return new Alternative(namesItself ? value : key + "=" + value, Map.of(key, value));
    }
}
