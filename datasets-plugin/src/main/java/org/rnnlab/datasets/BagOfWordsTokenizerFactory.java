package org.rnnlab.datasets;

import java.util.OptionalInt;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code bag-of-words}: word counts as one step (order lost); options as {@code word}, and {@code window}
 * (the last n words only; by default all).
 */
public final class BagOfWordsTokenizerFactory implements TokenizerFactory {
    @Override
    public String id() {
        return "bag-of-words";
    }

    @Override
    public String description() {
        return "word counts as one step: word order is lost";
    }

    static final SettingKey<Integer> WINDOW = SettingKey.integer("window",
            "count only the last n words (a language model needs it: the bag of the n words before each next word);"
                    + " default: all").checked(SettingCheck.atLeast(1));

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer bag-of-words", true, WINDOW);
    }

    @Override
    public Tokenizer create(Settings options) {
        Settings o = checkOptions(options);
        return new BagOfWordsTokenizer(new WordTokenizer(TokenizerOptions.read(o, true)),
                o.find(WINDOW).map(OptionalInt::of).getOrElse(OptionalInt.empty()));
    }
}
