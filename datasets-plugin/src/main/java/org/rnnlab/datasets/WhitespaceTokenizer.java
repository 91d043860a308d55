package org.rnnlab.datasets;

import java.util.List;
import java.util.regex.Pattern;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * The text's white-space-separated pieces as they are, punctuation attached: for text whose tokens are
 * already decided, such as the sentences of a CoNLL file, where a tag belongs to each given token
 * ({@code U.S.} stays one token where the {@code word} tokenizer makes four).
 */
final class WhitespaceTokenizer implements Tokenizer {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final TokenizerOptions options;

    WhitespaceTokenizer(TokenizerOptions options) {
        this.options = options;
    }

    @Override
    public List<String> tokens(String text) {
        String s = options.prepare(text).strip();
        return s.isEmpty() ? List.of() : List.of(WHITE_SPACE.split(s));
    }

    @Override
    public Vocabulary fit(List<String> trainingTexts) {
        return TokenCounting.fit(trainingTexts, this::tokens, options);
    }

    @Override
    public EncodedInput encode(String text, Vocabulary vocabulary) {
        return new TokenIds(vocabulary.ids(tokens(text)));
    }

    @Override
    public String join(List<String> tokens) {
        return String.join(" ", tokens);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
