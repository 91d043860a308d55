package org.rnnlab.datasets;

import java.text.Normalizer;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * Options every tokenizer takes: lower-casing and the vocabulary's size cap (specials included) and minimum
 * count, applied when the vocabulary is fitted on the training split.
 */
record TokenizerOptions(boolean lowercase, int maxSize, int minCount) {
    static final SettingKey<Integer> MAX_SIZE = SettingKey.integer("max_size",
            "the most tokens the vocabulary keeps, specials included, the most frequent first (default: all)")
            .checked(SettingCheck.atLeast(Vocabulary.SPECIALS.size())).formerly("maxSize");
    static final SettingKey<Integer> MIN_COUNT = SettingKey.integer("min_count",
            "how often a token must occur in the training split to be kept").defaultsTo(1)
            .checked(SettingCheck.atLeast(1)).formerly("minCount");

    /** {@code lowercase} with this tokenizer's default. */
    static SettingKey<Boolean> lowercase(boolean byDefault) {
        return SettingKey.flag("lowercase", "lower-case the text first").defaultsTo(byDefault);
    }

    /** The keys every tokenizer takes, owned by {@code owner}, then {@code more}. */
    static SettingsSchema schema(String owner, boolean lowercaseByDefault, SettingKey<?>... more) {
        List<SettingKey<?>> keys = new ArrayList<>(List.of(lowercase(lowercaseByDefault), MAX_SIZE, MIN_COUNT));
        keys.addAll(List.of(more));
        return SettingsSchema.of(owner, keys);
    }

    /** The text in NFC (composed and decomposed accents alike), lower-cased if asked (root locale). */
    String prepare(String text) {
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return lowercase ? s.toLowerCase(Locale.ROOT) : s;
    }

    static TokenizerOptions read(Settings options, boolean lowercaseByDefault) {
        return new TokenizerOptions(options.get(lowercase(lowercaseByDefault)),
                options.find(MAX_SIZE).getOrElse(Integer.MAX_VALUE), options.get(MIN_COUNT));
    }
}
