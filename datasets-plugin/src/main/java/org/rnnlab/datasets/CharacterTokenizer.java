package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * One token per Unicode code point of the NFC-normalised text, so an emoji outside the BMP stays one
 * token (never two surrogate halves) and a composed or decomposed "é" is the same token. An emoji with a
 * skin-tone modifier is two code points and so two tokens.
 */
final class CharacterTokenizer implements OrderedTokenizer {
    private final TokenizerOptions options;

    CharacterTokenizer(TokenizerOptions options) {
        this.options = options;
    }

    @Override
    public TokenizerOptions options() {
        return options;
    }

    @Override
    public List<String> tokens(String text) {
        String s = options.prepare(text);
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
        return out;
    }

    @Override
    public String join(List<String> tokens) {
        return String.join("", tokens);
    }
}
