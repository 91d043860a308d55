package org.rnnlab.model.seq2seq;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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
 * @param bidirectional     whether the encoder reads each source both ways: {@code hidden / 2} units per
 *                          direction, side by side, so its outputs and the bridge's input stay {@code hidden}
 *                          wide and dot attention can compare them with the decoder's state
 * @since 0.1
 */
public record EncoderDecoderSpec(int sourceVocabulary, int targetVocabulary, int sourceEmbedding, int targetEmbedding,
                                 String cell, Map<String, String> cellOptions, int hidden, int layers, String attention,
                                 int attentionSize, boolean fused, boolean bidirectional) {
    public EncoderDecoderSpec {
        cellOptions = Map.copyOf(cellOptions);
        if (bidirectional && hidden % 2 != 0) {
            throw new IllegalArgumentException("a bidirectional encoder splits hidden between its two directions: hidden "
                    + "must be even but is " + hidden);
        }
        if (sourceVocabulary < 1 || targetVocabulary < 1 || sourceEmbedding < 1 || targetEmbedding < 1 || hidden < 1
                || layers < 1 || attentionSize < 1) {
            throw new IllegalArgumentException("encoder-decoder sizes must be positive: vocabularies " + sourceVocabulary
                    + "/" + targetVocabulary + ", embeddings " + sourceEmbedding + "/" + targetEmbedding + ", hidden "
                    + hidden + ", layers " + layers + ", attention size " + attentionSize);
        }
    }

    /** A spec with a unidirectional encoder. */
    public EncoderDecoderSpec(int sourceVocabulary, int targetVocabulary, int sourceEmbedding, int targetEmbedding,
                              String cell, Map<String, String> cellOptions, int hidden, int layers, String attention,
                              int attentionSize, boolean fused) {
        this(sourceVocabulary, targetVocabulary, sourceEmbedding, targetEmbedding, cell, cellOptions, hidden, layers,
                attention, attentionSize, fused, false);
    }

    /** Hidden units of one encoder direction: {@code hidden}, or half of it when bidirectional. */
    public int encoderDirectionSize() {
        return bidirectional ? hidden / 2 : hidden;
    }

    /** Width of one encoder output row (the keys of attention). */
    public int encoderOutputSize() {
        return hidden;
    }

    /** The metadata keys that {@link #metadata()} writes and {@link #fromMetadata} needs. */
    public static final java.util.List<String> KEYS = java.util.List.of("cell", "hidden", "layers", "source_vocabulary",
            "target_vocabulary", "source_embedding", "target_embedding", "attention", "attention_size");

    /**
     * The spec as text, for a model file's metadata: {@link #KEYS}, and each cell option as
     * {@code cell.<option>}, and {@code bidirectional=true} for a bidirectional encoder (absent otherwise, as
     * in the files written before it existed). {@code fused} is not saved: it changes speed, not values.
     */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cell", cell);
        m.put("hidden", Integer.toString(hidden));
        m.put("layers", Integer.toString(layers));
        m.put("source_vocabulary", Integer.toString(sourceVocabulary));
        m.put("target_vocabulary", Integer.toString(targetVocabulary));
        m.put("source_embedding", Integer.toString(sourceEmbedding));
        m.put("target_embedding", Integer.toString(targetEmbedding));
        m.put("attention", attention);
        m.put("attention_size", Integer.toString(attentionSize));
        if (bidirectional) {
            m.put("bidirectional", "true");
        }
        new TreeMap<>(cellOptions).forEach((k, v) -> m.put("cell." + k, v));
        return m;
    }

    /** The spec that {@link #metadata()} wrote; a missing key or a bad number is an IllegalArgumentException naming it. */
    public static EncoderDecoderSpec fromMetadata(Map<String, String> m, boolean fused) {
        for (String key : KEYS) {
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException("the metadata has no '" + key + "' (present: " + new TreeMap<>(m).keySet() + ")");
            }
        }
        Map<String, String> options = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("cell.")) {
                options.put(k.substring("cell.".length()), v);
            }
        });
        return new EncoderDecoderSpec(number(m, "source_vocabulary"), number(m, "target_vocabulary"),
                number(m, "source_embedding"), number(m, "target_embedding"), m.get("cell"), options, number(m, "hidden"),
                number(m, "layers"), m.get("attention"), number(m, "attention_size"), fused, flag(m, "bidirectional"));
    }

    private static boolean flag(Map<String, String> m, String key) {
        String v = m.getOrDefault(key, "false").trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("metadata '" + key + "' is not true or false: '" + v + "'");
        }
        return v.equals("true");
    }

    private static int number(Map<String, String> m, String key) {
        try {
            return Integer.parseInt(m.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metadata '" + key + "' is not a whole number: '" + m.get(key) + "'");
        }
    }

    /** Whether the decoder attends over the source. */
    public boolean attends() {
        return !attention.equals("none");
    }
}
