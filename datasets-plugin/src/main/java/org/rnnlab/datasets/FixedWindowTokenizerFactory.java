package org.rnnlab.datasets;

import java.util.HashSet;
import java.util.Set;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

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

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(TokenizerOptions.KEYS);
        keys.add("window");
        return Set.copyOf(keys);
    }

    @Override
    public Tokenizer create(Settings options) {
        checkOptions(options);
        int window = new OptionReader("tokenizer", options).integer("window", DEFAULT_WINDOW, 1);
        return new FixedWindowTokenizer(new WordTokenizer(TokenizerOptions.read(options, true)), window);
    }
}
