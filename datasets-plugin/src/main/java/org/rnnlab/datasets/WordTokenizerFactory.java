package org.rnnlab.datasets;

import java.util.Set;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

/** {@code word}: Unicode words and punctuation; options lowercase (default true), maxSize, minCount. */
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
    public Set<String> optionKeys() {
        return TokenizerOptions.KEYS;
    }

    @Override
    public Tokenizer create(Settings options) {
        checkOptions(options);
        return new WordTokenizer(TokenizerOptions.read(options, true));
    }
}
