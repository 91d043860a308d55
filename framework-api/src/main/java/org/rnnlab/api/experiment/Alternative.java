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
}
