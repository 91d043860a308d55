package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * One token per Unicode code point of the NFC-normalised text, so an emoji outside the BMP stays one
 * token (never two surrogate halves) and a composed or decomposed "é" is the same token. An emoji with a
 * skin-tone modifier is two code points and so two tokens.
 */
final class CharacterTokenizer implements Tokenizer {
    private final TokenizerOptions options;

    CharacterTokenizer(TokenizerOptions options) {
        this.options = options;
    }

    @Override
    public List<String> tokens(String text) {
        String s = options.prepare(text);
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
        return out;
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
        return String.join("", tokens);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
