package org.rnnlab.datasets;

import java.util.Set;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

/** {@code character}: one token per Unicode code point; options lowercase (default false), maxSize, minCount. */
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
    public Set<String> optionKeys() {
        return TokenizerOptions.KEYS;
    }

    @Override
    public Tokenizer create(Settings options) {
        checkOptions(options);
        return new CharacterTokenizer(TokenizerOptions.read(options, false));
    }
}
