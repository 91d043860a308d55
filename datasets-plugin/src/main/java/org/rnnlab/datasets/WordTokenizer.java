package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and punctuation of the NFC-normalised text: a word is a run of Unicode letters, marks and digits
 * (with inner apostrophes: {@code don't}, {@code l’été}); every other visible grapheme cluster (a
 * punctuation mark, a symbol, an emoji with its modifiers) is a token of its own; Unicode white space
 * separates tokens and is dropped.
 */
final class WordTokenizer implements OrderedTokenizer {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<word>[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}\\p{N}]+)*)|(?<space>\\s+)|(?<other>\\X)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final TokenizerOptions options;

    WordTokenizer(TokenizerOptions options) {
        this.options = options;
    }

    @Override
    public TokenizerOptions options() {
        return options;
    }

    @Override
    public List<String> tokens(String text) {
        String s = options.prepare(text);
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            if (m.group("space") == null) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Override
    public String join(List<String> tokens) {
        return String.join(" ", tokens);
    }
}
