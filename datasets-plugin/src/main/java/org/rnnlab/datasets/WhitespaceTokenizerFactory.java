package org.rnnlab.datasets;

import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code whitespace}: the white-space-separated pieces of the text; options lowercase (default false), max_size, min_count. */
public final class WhitespaceTokenizerFactory implements TokenizerFactory {
    @Override
    public String id() {
        return "whitespace";
    }

    @Override
    public String description() {
        return "the text's white-space-separated pieces as given (for pre-tokenized text such as CoNLL files)";
    }

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer whitespace", false);
    }

    @Override
    public Tokenizer create(Settings options) {
        return new WhitespaceTokenizer(TokenizerOptions.read(checkOptions(options), false));
    }
}
