package org.rnnlab.datasets;

import java.util.List;
import java.util.OptionalInt;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * Only the last {@code window} word tokens of a text: memory bounded by n. The encoding is ONE step of
 * n slots, each a one-hot block over the vocabulary ({@code n * V} features; slot n-1 holds the last
 * token, an empty slot in front of a short text is all zeros), so a model without recurrence (the
 * {@code dense} cell) sees every token of the window and where it stands, as a fixed-window network does.
 * Fed as n steps instead, a layer that reads only its last step would see one token. A language model
 * over this tokenizer predicts each word from the n words up to it ({@link #window()}), as the
 * feed-forward model of Bengio et al. (2003) does.
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
        int v = vocabulary.size();
        float[] slots = new float[window * v];
        int offset = window - last.size();
        for (int i = 0; i < last.size(); i++) {
            slots[(offset + i) * v + vocabulary.id(last.get(i))] = 1f;
        }
        return new TokenCounts(slots);
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
        return 1;
    }

    @Override
    public OptionalInt window() {
        return OptionalInt.of(window);
    }

    @Override
    public int[] sequenceIds(String text, Vocabulary vocabulary) {
        return words.sequenceIds(text, vocabulary);
    }

}
