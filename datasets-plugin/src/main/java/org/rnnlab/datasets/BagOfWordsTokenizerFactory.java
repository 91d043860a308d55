package org.rnnlab.datasets;

import java.util.Set;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

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
    public Set<String> optionKeys() {
        return TokenizerOptions.KEYS;
    }

    @Override
    public Tokenizer create(Settings options) {
        checkOptions(options);
        return new BagOfWordsTokenizer(new WordTokenizer(TokenizerOptions.read(options, true)));
    }
}
