package org.rnnlab.datasets;

import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code character}: one token per Unicode code point; options lowercase (default false), max_size, min_count. */
public final class CharacterTokenizerFactory implements TokenizerFactory {
    @Override
    public String id() {
        return "character";
    }

    @Override
    public String description() {
        return "one token per Unicode code point";
    }

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer character", false);
    }

    @Override
    public Tokenizer create(Settings options) {
        return new CharacterTokenizer(TokenizerOptions.read(checkOptions(options), false));
    }
}
