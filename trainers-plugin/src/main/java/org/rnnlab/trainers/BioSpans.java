package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;

/**
 * Entity spans of a BIO-tagged sentence ({@code B-PER I-PER O B-LOC}), read as the CoNLL evaluation
 * script {@code conlleval} reads them: a span starts at a {@code B-} tag, or at an {@code I-} tag that
 * does not continue a span of its own type (after {@code O} or after another type); it ends before
 * {@code O}, before a {@code B-} tag and before a tag of another type.
 */
final class BioSpans {
    static final String OUTSIDE = "O";

    private BioSpans() {}

    /** One entity: tokens {@code [start, end)} of type {@code type}. */
    record Span(int start, int end, String type) {}

    /** Whether every tag is {@code O}, {@code B-TYPE} or {@code I-TYPE}, and at least one is not {@code O}. */
    static boolean isBio(List<String> tags) {
        boolean entity = false;
        for (String t : tags) {
            if (t.equals(OUTSIDE)) {
                continue;
            }
            if (t.length() < 3 || (t.charAt(0) != 'B' && t.charAt(0) != 'I') || t.charAt(1) != '-') {
                return false;
            }
            entity = true;
        }
        return entity;
    }

    /** The spans of one sentence, tag ids into {@code tags}, in order. */
    static List<Span> of(List<String> tags, int[] sentence) {
        List<Span> spans = new ArrayList<>();
        int open = -1;
        String openType = null;
        for (int i = 0; i <= sentence.length; i++) {
            String tag = i < sentence.length ? tags.get(sentence[i]) : OUTSIDE;
            char prefix = tag.equals(OUTSIDE) ? 'O' : tag.charAt(0);
            String type = prefix == 'O' ? null : tag.substring(2);
            boolean starts = prefix == 'B' || (prefix == 'I' && (open < 0 || !type.equals(openType)));
            if (open >= 0 && (prefix == 'O' || starts)) {
                spans.add(new Span(open, i, openType));
                open = -1;
            }
            if (starts) {
                open = i;
                openType = type;
            }
        }
        return spans;
    }
}
