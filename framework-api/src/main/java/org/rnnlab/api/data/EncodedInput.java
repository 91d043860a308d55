package org.rnnlab.api.data;

/**
 * What a {@link Tokenizer} makes of one text: token ids, one per step, or one step of token counts.
 *
 * @since 0.1
 */
public sealed interface EncodedInput permits TokenIds, TokenCounts {

    /** Number of time steps this input takes. */
    int steps();
}
