package org.rnnlab.datasets;

import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code word}: Unicode words and punctuation; options lowercase (default true), max_size, min_count. */
public final class WordTokenizerFactory implements TokenizerFactory {
    @Override
    public String id() {
        return "word";
    }

    @Override
    public String description() {
        return "Unicode words and punctuation marks, one token each";
    }

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer word", true);
    }

    @Override
    public Tokenizer create(Settings options) {
        return new WordTokenizer(TokenizerOptions.read(checkOptions(options), true));
    }
}
