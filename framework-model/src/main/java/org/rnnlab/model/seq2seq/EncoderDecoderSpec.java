package org.rnnlab.model.seq2seq;

import java.util.Map;

/**
 * The shape of an {@link EncoderDecoder}.
 *
 * @param sourceVocabulary  ids of the source side, specials included
 * @param targetVocabulary  ids of the target side, specials included ({@code <bos>} starts decoding,
 *                          {@code <eos>} ends it)
 * @param sourceEmbedding   width of the source token embedding
 * @param targetEmbedding   width of the target token embedding
 * @param cell              the cell's id, for names and reports
 * @param cellOptions       the cell's own options
 * @param hidden            hidden size of every encoder and decoder layer
 * @param layers            layers of the encoder stack and of the decoder stack
 * @param attention         one of {@link Attention#IDS}
 * @param attentionSize     width of the additive attention's hidden layer (ignored by the others)
 * @param fused             whether to run cells' fused kernels where they have them
 * @since 0.1
 */
public record EncoderDecoderSpec(int sourceVocabulary, int targetVocabulary, int sourceEmbedding, int targetEmbedding,
                                 String cell, Map<String, String> cellOptions, int hidden, int layers, String attention,
                                 int attentionSize, boolean fused) {
    public EncoderDecoderSpec {
        cellOptions = Map.copyOf(cellOptions);
        if (sourceVocabulary < 1 || targetVocabulary < 1 || sourceEmbedding < 1 || targetEmbedding < 1 || hidden < 1
                || layers < 1 || attentionSize < 1) {
            throw new IllegalArgumentException("encoder-decoder sizes must be positive: vocabularies " + sourceVocabulary
                    + "/" + targetVocabulary + ", embeddings " + sourceEmbedding + "/" + targetEmbedding + ", hidden "
                    + hidden + ", layers " + layers + ", attention size " + attentionSize);
        }
    }

    /** Width of one encoder output row (the keys of attention). */
    public int encoderOutputSize() {
        return hidden;
    }

    /** Whether the decoder attends over the source. */
    public boolean attends() {
        return !attention.equals("none");
    }
}
