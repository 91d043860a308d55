package org.rnnlab.api.data;

import java.util.List;
import java.util.OptionalInt;

/**
 * Turns text into a model's input: splits it into tokens, fits a {@link Vocabulary} on the training
 * texts, and encodes a text with that vocabulary.
 *
 * <p>Contract: {@link #tokens(String)} is a pure function of the text and the tokenizer's options (never
 * null, possibly empty for an empty text); {@link #fit(List)} is deterministic (same texts in any order
 * give an equal vocabulary) and must be called on the training split only, so that validation and test
 * tokens never seen in training map to {@code <unk>}. {@link #encode(String, Vocabulary)} never adds
 * {@code <bos>} or {@code <eos>}: a language-modelling trainer adds them itself. Tokenizers are immutable
 * and thread-safe.
 *
 * @since 0.1
 */
public interface Tokenizer {

    /** Counts the tokens of the training texts and keeps them under the size cap and minimum count. */
    Vocabulary fit(List<String> trainingTexts);

    /**
     * The model's input for one text: {@link TokenIds} (one id per step) for ordered tokenizers,
     * {@link TokenCounts} (one step of features) for bag-of-words (counts over the vocabulary) and
     * fixed-window (one one-hot block per slot). Tokens not in the
     * vocabulary become {@link Vocabulary#UNK}.
     */
    EncodedInput encode(String text, Vocabulary vocabulary);

    /** The tokens of a text, in order. Never null. */
    List<String> tokens(String text);

    /** Text made of tokens, e.g. to show a sampled sequence: characters are concatenated, words spaced. */
    String join(List<String> tokens);

    /**
     * Whether the encoding keeps the order of the tokens. False for bag-of-words, whose single step of
     * counts says "dog bites man" and "man bites dog" alike.
     */
    boolean ordered();

    /** The most steps {@link #encode} yields, or -1 if unbounded (bag-of-words and fixed-window: 1). */
    default int maxSteps() {
        return -1;
    }

    /**
     * How much of the text before a position a next-token model reads through this tokenizer: empty for
     * all of it, one token per step, as a recurrent cell reads it (the default); the last n tokens
     * otherwise, kept in order when {@link #ordered()} (fixed-window: their embeddings side by side) or as
     * a bag (bag-of-words: their mean embedding). A language model over this tokenizer predicts every
     * token of {@link #sequenceIds} from that much context.
     */
    default OptionalInt window() {
        return OptionalInt.empty();
    }

    /**
     * Every token of a text as ids, in order, whatever {@link #encode} makes of them: what a language
     * model predicts token by token. Tokenizers whose {@code encode} yields counts override it.
     */
    default int[] sequenceIds(String text, Vocabulary vocabulary) {
        return ids(text, vocabulary);
    }

    /** Encodes a text and returns its ids; a {@link IllegalStateException} if this tokenizer yields counts. */
    default int[] ids(String text, Vocabulary vocabulary) {
        return switch (encode(text, vocabulary)) {
            case TokenIds t -> t.ids();
            case TokenCounts c -> throw new IllegalStateException("this tokenizer yields token counts, not ids");
        };
    }
}
