package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * A tokenizer that yields one id per token, in order, over a vocabulary counted from the training texts
 * ({@link TokenCounting}): what {@code character}, {@code word} and {@code whitespace} share; they differ
 * only in how a text is cut into tokens and how tokens are joined back.
 */
interface OrderedTokenizer extends Tokenizer {

    /** The options the tokens are prepared and counted with. */
    TokenizerOptions options();

    @Override
    default Vocabulary fit(List<String> trainingTexts) {
        return TokenCounting.fit(trainingTexts, this::tokens, options());
    }

    @Override
    default EncodedInput encode(String text, Vocabulary vocabulary) {
        return new TokenIds(vocabulary.ids(tokens(text)));
    }

    @Override
    default boolean ordered() {
        return true;
    }
}
