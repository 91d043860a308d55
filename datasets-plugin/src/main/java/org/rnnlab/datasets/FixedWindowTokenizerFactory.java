package org.rnnlab.datasets;

import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/** {@code fixed-window}: the last n = {@code window} (default 3) word tokens; other options as {@code word}. */
public final class FixedWindowTokenizerFactory implements TokenizerFactory {
    static final int DEFAULT_WINDOW = 3;

    @Override
    public String id() {
        return "fixed-window";
    }

    @Override
    public String description() {
        return "the last n word tokens only (option window, default " + DEFAULT_WINDOW + ")";
    }

    static final SettingKey<Integer> WINDOW = SettingKey.integer("window", "the last n words that are kept")
            .defaultsTo(DEFAULT_WINDOW).checked(SettingCheck.atLeast(1));

    @Override
    public SettingsSchema settings() {
        return TokenizerOptions.schema("tokenizer fixed-window", true, WINDOW);
    }

    @Override
    public Tokenizer create(Settings options) {
        Settings o = checkOptions(options);
        return new FixedWindowTokenizer(new WordTokenizer(TokenizerOptions.read(o, true)), o.get(WINDOW));
    }
}
