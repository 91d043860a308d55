package org.rnnlab.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sizes of the encoder-decoder workload, named as in the peer {@code torch_seq2seq_bench.py}; the
 * defaults are the dates lesson's (sources of 30 characters, ISO dates of 10 plus the end token).
 *
 * @param attention    {@code none}, {@code additive}, {@code general} or {@code dot}
 * @param sourceLength source steps S of every example
 * @param targetLength decoder steps T of every example (the target's tokens and the end token)
 * @param sourceVocab  source vocabulary Vs (the four special tokens included)
 * @param targetVocab  target vocabulary Vt
 * @param sourceEmbed  source embedding size Es
 * @param targetEmbed  target embedding size Et
 */
record Seq2SeqShape(String attention, int sourceLength, int targetLength, int sourceVocab, int targetVocab, int sourceEmbed,
                    int targetEmbed) {
    static final String DEFAULT_SIZES = "30,11,40,15,32,16";
    static final List<String> ATTENTIONS = List.of("none", "additive", "general", "dot");

    /** The shape of {@code sizes}, "S,T,Vs,Vt,Es,Et"; throws {@link IllegalArgumentException} saying what is wrong. */
    static Seq2SeqShape of(String attention, String sizes) {
        String[] parts = sizes.split(",", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("--sizes takes six numbers S,T,Vs,Vt,Es,Et but was '" + sizes + "'");
        }
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                n[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sizes takes six numbers S,T,Vs,Vt,Es,Et but was '" + sizes + "'");
            }
        }
        return new Seq2SeqShape(attention.toLowerCase(Locale.ROOT), n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    /** Every problem with the shape (empty when valid). */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!ATTENTIONS.contains(attention)) {
            out.add("--attention must be one of " + String.join(", ", ATTENTIONS) + " but was '" + attention + "'");
        }
        if (sourceLength < 1 || targetLength < 2) {
            out.add("--sizes: S must be at least 1 and T at least 2 (a token and the end token) but were " + sourceLength
                    + " and " + targetLength);
        }
        if (sourceVocab < 5 || targetVocab < 5) {
            out.add("--sizes: Vs and Vt must be at least 5 (four special tokens and one more) but were " + sourceVocab
                    + " and " + targetVocab);
        }
        if (sourceEmbed < 1 || targetEmbed < 1) {
            out.add("--sizes: Es and Et must be at least 1 but were " + sourceEmbed + " and " + targetEmbed);
        }
        return out;
    }

    String sizes() {
        return sourceLength + "," + targetLength + "," + sourceVocab + "," + targetVocab + "," + sourceEmbed + "," + targetEmbed;
    }
}
