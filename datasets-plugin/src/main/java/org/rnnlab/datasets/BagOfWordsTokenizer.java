package org.rnnlab.datasets;

import java.util.List;
import java.util.OptionalInt;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * The word tokens of a text as ONE step of counts over the vocabulary: word order is lost on purpose. With
 * a {@code window} of n, only the last n words are counted, and a language model over this tokenizer
 * predicts each word from the bag of the n words up to it; without one, the whole text is counted and a
 * language model refuses it.
 */
final class BagOfWordsTokenizer implements Tokenizer {
    private final WordTokenizer words;
    private final OptionalInt window;

    BagOfWordsTokenizer(WordTokenizer words, OptionalInt window) {
        this.words = words;
        this.window = window;
    }

    @Override
    public List<String> tokens(String text) {
        List<String> all = words.tokens(text);
        return window.isEmpty() ? all : all.subList(Math.max(0, all.size() - window.getAsInt()), all.size());
    }

    @Override
    public Vocabulary fit(List<String> trainingTexts) {
        return words.fit(trainingTexts);
    }

    @Override
    public EncodedInput encode(String text, Vocabulary vocabulary) {
        float[] counts = new float[vocabulary.size()];
        for (String token : tokens(text)) {
            counts[vocabulary.id(token)] += 1f;
        }
        return new TokenCounts(counts);
    }

    @Override
    public String join(List<String> tokens) {
        return words.join(tokens);
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public int maxSteps() {
        return 1;
    }

    @Override
    public OptionalInt window() {
        return window;
    }

    @Override
    public int[] sequenceIds(String text, Vocabulary vocabulary) {
        return words.sequenceIds(text, vocabulary);
    }
}
