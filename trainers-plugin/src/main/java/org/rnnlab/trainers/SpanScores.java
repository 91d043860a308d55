package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity-level scores of BIO tagging as the CoNLL evaluation computes them: a predicted entity counts
 * only if a true entity has exactly its first token, its last token and its type ({@link BioSpans}).
 * Precision is over predicted entities, recall over true ones (their number is the support).
 *
 * @param overall all types together (micro average), under the name {@code all}
 * @param perType one row per entity type, sorted by type
 */
public record SpanScores(TagScores.TagFigures overall, List<TagScores.TagFigures> perType) {

    public SpanScores {
        perType = List.copyOf(perType);
    }

    static SpanScores of(List<String> tags, int[][] actual, int[][] predicted) {
        TreeMap<String, long[]> counts = new TreeMap<>(); // type -> {correct, predicted, true}
        for (int s = 0; s < actual.length; s++) {
            List<BioSpans.Span> gold = BioSpans.of(tags, actual[s]);
            Set<BioSpans.Span> goldSet = new HashSet<>(gold);
            for (BioSpans.Span p : BioSpans.of(tags, predicted[s])) {
                long[] c = counts.computeIfAbsent(p.type(), k -> new long[3]);
                c[1]++;
                if (goldSet.contains(p)) {
                    c[0]++;
                }
            }
            for (BioSpans.Span g : gold) {
                counts.computeIfAbsent(g.type(), k -> new long[3])[2]++;
            }
        }
        long[] all = new long[3];
        List<TagScores.TagFigures> perType = new ArrayList<>();
        counts.forEach((type, c) -> {
            perType.add(TagScores.figures(type, c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        });
        return new SpanScores(TagScores.figures("all", all[0], all[1], all[2]), perType);
    }

    /** Entity F1 over all types. */
    public double f1() {
        return overall.f1();
    }
}
