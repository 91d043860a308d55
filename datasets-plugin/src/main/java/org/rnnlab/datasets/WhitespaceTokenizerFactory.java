package org.rnnlab.datasets;

import java.util.Set;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

/** {@code whitespace}: the white-space-separated pieces of the text; options lowercase (default false), maxSize, minCount. */
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
    public Set<String> optionKeys() {
        return TokenizerOptions.KEYS;
    }

    @Override
    public Tokenizer create(Settings options) {
        checkOptions(options);
        return new WhitespaceTokenizer(TokenizerOptions.read(options, false));
    }
}
