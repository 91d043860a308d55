package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EmbeddingMap;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * Maps of the variants' word embeddings ({@link EmbeddingMap}): for each, one scatter per projection of its
 * most frequent words, drawn here as inline SVG (no script needed), the probe words marked and their nearest
 * neighbours listed; and where the embedding began as a file's vectors, how many words the file gave.
 * The first variant's maps are open, the others folded.
 */
final class EmbeddingSection {
    static final int SIZE = 440;
    private static final int MARGIN = 16;
    private static final String PROBE_COLOUR = "#c0392b";
    private static final String NEIGHBOUR_COLOUR = "#1f5fa8";

    private EmbeddingSection() {}

    static boolean applies(ExperimentRecord experiment) {
        return experiment.variants().stream().anyMatch(v -> !v.embedding().isEmpty());
    }

    static String of(ExperimentRecord experiment) {
        StringBuilder h = new StringBuilder("<p class=\"explain\">Each point is one of the model's most frequent words, "
                + "placed by its embedding vector at the end of training. Red: probe words; blue: their nearest neighbours "
                + "by cosine similarity among all the model's words (listed under the maps). Words that the model uses "
                + "alike should lie close; the two projections show the same vectors two ways.</p>");
        boolean first = true;
        for (VariantRecord v : experiment.variants()) {
            if (v.embedding().isEmpty()) {
                continue;
            }
            h.append("<details class=\"embedding-box\" data-variant=\"").append(escape(v.name())).append('"')
                    .append(first ? " open" : "").append("><summary><strong>").append(escape(v.name())).append("</strong> ")
                    .append(StatusBadge.of(v)).append("</summary>");
            v.embedding().imported().ifPresent(i -> h.append("<p>").append(imported(i)).append("</p>"));
            for (EmbeddingMap map : v.embedding().maps()) {
                h.append(maps(map));
            }
            h.append("</details>");
            first = false;
        }
        return h.toString();
    }

    /** "Began as the vectors of FILE: 812 of 1,004 words found (the others seeded), frozen." */
    static String imported(EmbeddingImported i) {
        return "Embedding began as the vectors of <code>" + escape(i.file()) + "</code>: "
                + String.format(Locale.ROOT, "%,d of %,d", i.found(), i.words())
                + " words found there (the others kept their seeded rows); "
                + (i.trainable() ? "trained further." : "frozen: training left it unchanged.");
    }

    static String maps(EmbeddingMap map) {
        Map<String, String> colour = new HashMap<>();
        for (EmbeddingMap.Probe p : map.probes()) {
            p.neighbours().forEach(n -> colour.putIfAbsent(n.word(), NEIGHBOUR_COLOUR));
        }
        map.probes().forEach(p -> colour.put(p.word(), PROBE_COLOUR));
        StringBuilder h = new StringBuilder("<div class=\"embedding-maps\" style=\"display:flex;flex-wrap:wrap;gap:12px\">");
        for (EmbeddingMap.Projection p : map.projections()) {
            h.append("<figure class=\"embedding-map\" data-method=\"").append(escape(p.method())).append("\" style=\"margin:0\">")
                    .append(svg(map.words(), p, colour)).append("<figcaption><strong>").append(escape(p.method()))
                    .append("</strong> of <code>").append(escape(map.table())).append("</code>, ")
                    .append(map.words().size()).append(" words: ").append(escape(p.explanation())).append("</figcaption></figure>");
        }
        h.append("</div>");
        if (!map.probes().isEmpty()) {
            h.append("<table class=\"neighbours\"><thead><tr><th scope=\"col\">probe</th><th scope=\"col\">nearest words "
                    + "(cosine similarity)</th></tr></thead><tbody>");
            for (EmbeddingMap.Probe p : map.probes()) {
                h.append("<tr><th scope=\"row\">").append(escape(p.word())).append("</th><td>");
                for (int i = 0; i < p.neighbours().size(); i++) {
                    EmbeddingMap.Neighbour n = p.neighbours().get(i);
                    h.append(i == 0 ? "" : ", ").append(escape(n.word())).append(" (")
                            .append(String.format(Locale.ROOT, "%.2f", n.similarity())).append(')');
                }
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        return h.toString();
    }

    /** One scatter: every word a grey dot with a faint label; probes and their neighbours coloured, drawn last (on top). */
    static String svg(List<String> words, EmbeddingMap.Projection p, Map<String, String> colour) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < words.size(); i++) {
            double x = p.x().get(i);
            double y = p.y().get(i);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        // one scale for both axes, so that distances on the map are distances in the projection
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12);
        double scale = (SIZE - 2.0 * MARGIN) / span;
        StringBuilder plain = new StringBuilder();
        StringBuilder marked = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            double x = p.x().get(i);
            double y = p.y().get(i);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            double sx = MARGIN + (x - minX) * scale;
            double sy = SIZE - MARGIN - (y - minY) * scale;
            String c = colour.get(words.get(i));
            StringBuilder to = c == null ? plain : marked;
            to.append(String.format(Locale.ROOT, "<g data-word=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" fill=\"%s\"%s>%s</text></g>",
                    escape(words.get(i)), sx, sy, c == null ? "1.8" : "3.5", c == null ? "#999" : c, sx + 3, sy - 3,
                    c == null ? "8" : "11", c == null ? "#888" : c, PROBE_COLOUR.equals(c) ? " font-weight=\"bold\"" : "",
                    escape(words.get(i))));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + SIZE + "\" height=\"" + SIZE + "\" viewBox=\"0 0 "
                + SIZE + " " + SIZE + "\" role=\"img\" aria-label=\"" + escape(p.method()) + " map of " + words.size()
                + " words\" style=\"border:1px solid #ddd;background:#fff;font-family:sans-serif\">" + plain + marked + "</svg>";
    }
}
