package org.rnnlab.datasets;

import java.util.Set;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

/**
 * Options every tokenizer takes: lower-casing and the vocabulary's size cap (specials included) and minimum
 * count, applied when the vocabulary is fitted on the training split.
 */
record TokenizerOptions(boolean lowercase, int maxSize, int minCount) {
    static final Set<String> KEYS = Set.of("lowercase", "maxSize", "minCount");

    static TokenizerOptions read(Settings options, boolean lowercaseByDefault) {
        OptionReader r = new OptionReader("tokenizer", options);
        return new TokenizerOptions(r.flag("lowercase", lowercaseByDefault),
                r.integer("maxSize", Integer.MAX_VALUE, Vocabulary.SPECIALS.size()),
                r.integer("minCount", 1, 1));
    }
}
