package org.rnnlab.model.seq2seq;

import java.util.Map;
import java.util.TreeMap;

/**
 * How close decoded outputs are to the references, in target tokens (characters with a character
 * tokenizer): exact match of the whole output, token accuracy (position by position, over the longer of
 * output and reference, so missing and extra tokens both count as wrong) and exact match by source
 * length. Add outputs with {@link #add}; not thread-safe.
 *
 * @since 0.1
 */
public final class TranslationScores {
    private int examples;
    private int exact;
    private long tokens;
    private long correctTokens;
    private final Map<Integer, int[]> byLength = new TreeMap<>();

    /** Counts one output against its reference, for a source of {@code sourceLength} tokens. */
    public void add(int[] output, int[] reference, int sourceLength) {
        boolean same = java.util.Arrays.equals(output, reference);
        examples++;
        exact += same ? 1 : 0;
        int positions = Math.max(output.length, reference.length);
        tokens += positions;
        for (int i = 0; i < Math.min(output.length, reference.length); i++) {
            correctTokens += output[i] == reference[i] ? 1 : 0;
        }
        int[] bucket = byLength.computeIfAbsent(sourceLength, k -> new int[2]);
        bucket[0]++;
        bucket[1] += same ? 1 : 0;
    }

    public int examples() {
        return examples;
    }

    /** Fraction of outputs equal to their reference; NaN before any. */
    public double exactMatch() {
        return examples == 0 ? Double.NaN : (double) exact / examples;
    }

    /** Fraction of positions where output and reference agree; NaN before any. */
    public double tokenAccuracy() {
        return tokens == 0 ? Double.NaN : (double) correctTokens / tokens;
    }

    /** Exact match per source length (in source tokens), ascending: {@code length -> [examples, exact]}. */
    public Map<Integer, int[]> exactByLength() {
        Map<Integer, int[]> copy = new TreeMap<>();
        byLength.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
