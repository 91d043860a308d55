package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * Only the last {@code window} word tokens of a text: memory bounded by n. The encoding always has exactly
 * n steps, with {@code <pad>} in front when the text is shorter, so a model without recurrence can read the
 * window as n fixed slots.
 */
final class FixedWindowTokenizer implements Tokenizer {
    private final WordTokenizer words;
    private final int window;

    FixedWindowTokenizer(WordTokenizer words, int window) {
        this.words = words;
        this.window = window;
    }

    @Override
    public List<String> tokens(String text) {
        List<String> all = words.tokens(text);
        return all.subList(Math.max(0, all.size() - window), all.size());
    }

    @Override
    public Vocabulary fit(List<String> trainingTexts) {
        // Fitted on all words, not just the windows: a token is known whichever position it takes.
        return words.fit(trainingTexts);
    }

    @Override
    public EncodedInput encode(String text, Vocabulary vocabulary) {
        List<String> last = tokens(text);
        int[] ids = new int[window];
        int offset = window - last.size();
        for (int i = 0; i < last.size(); i++) {
            ids[offset + i] = vocabulary.id(last.get(i));
        }
        return new TokenIds(ids);
    }

    @Override
    public String join(List<String> tokens) {
        return words.join(tokens);
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public int maxSteps() {
        return window;
    }
}
