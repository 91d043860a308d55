package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/** The word tokens of a text as ONE step of counts over the vocabulary: word order is lost on purpose. */
final class BagOfWordsTokenizer implements Tokenizer {
    private final WordTokenizer words;

    BagOfWordsTokenizer(WordTokenizer words) {
        this.words = words;
    }

    @Override
    public List<String> tokens(String text) {
        return words.tokens(text);
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
}
