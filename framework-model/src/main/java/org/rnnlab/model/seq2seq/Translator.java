package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained sequence-to-sequence model with the vocabularies around it: text in, text out. What
 * {@code lab translate} asks of a rebuilt model.
 *
 * @since 0.1
 */
public interface Translator {
    /** How the end token is shown in attention heatmaps. */
    String END = "<eos>";

    /** The model and how text maps to its ids and back. */
    EncoderDecoder model();

    PairVocabularies vocabularies();

    /** The most output tokens a translation may have. */
    int maxLength();

    /**
     * The output for {@code text}: greedy with {@code beamWidth} 1, else beam search of that width with
     * length normalisation {@code alpha}. A text without a single source token is an
     * {@link IllegalArgumentException}.
     */
    default Translation translate(String text, int beamWidth, double alpha) {
        int[] ids = vocabularies().sourceIds(text);
        if (ids.length == 0) {
            throw new IllegalArgumentException("'" + text + "' holds no token the source tokenizer reads");
        }
        return beamWidth <= 1 ? new GreedyDecoder(model(), maxLength()).decode(List.of(ids)).getFirst()
                : new BeamSearch(model(), beamWidth, alpha, maxLength()).decode(ids);
    }

    /** The tokens of {@code t} as text, one per emitted step: the rows of its attention, {@code <eos>} last if emitted. */
    default List<String> outputTokens(Translation t) {
        List<String> tokens = new ArrayList<>(t.tokens().length + 1);
        for (int id : t.tokens()) {
            tokens.add(vocabularies().target().token(id));
        }
        if (t.ended()) {
            tokens.add(END);
        }
        return tokens;
    }
}
