package org.rnnlab.datasets;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

/**
 * Options every tokenizer takes: lower-casing and the vocabulary's size cap (specials included) and minimum
 * count, applied when the vocabulary is fitted on the training split.
 */
record TokenizerOptions(boolean lowercase, int maxSize, int minCount) {
    static final Set<String> KEYS = Set.of("lowercase", "maxSize", "minCount");

    /** The text in NFC (composed and decomposed accents alike), lower-cased if asked (root locale). */
    String prepare(String text) {
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return lowercase ? s.toLowerCase(Locale.ROOT) : s;
    }

    static TokenizerOptions read(Settings options, boolean lowercaseByDefault) {
        OptionReader r = new OptionReader("tokenizer", options);
        return new TokenizerOptions(r.flag("lowercase", lowercaseByDefault),
                r.integer("maxSize", Integer.MAX_VALUE, Vocabulary.SPECIALS.size()),
                r.integer("minCount", 1, 1));
    }
}
