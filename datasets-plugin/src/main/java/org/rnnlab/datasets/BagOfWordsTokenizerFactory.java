package org.rnnlab.datasets;

import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code bag-of-words}: word counts as one step (order lost); options as {@code word}. */
public final class BagOfWordsTokenizerFactory implements TokenizerFactory {
    @Override
    public String id() {
        return "bag-of-words";
    }

    @Override
    public String description() {
        return "word counts as one step: word order is lost";
    }

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer bag-of-words", true);
    }

    @Override
    public Tokenizer create(Settings options) {
        return new BagOfWordsTokenizer(new WordTokenizer(TokenizerOptions.read(checkOptions(options), true)));
    }
}
