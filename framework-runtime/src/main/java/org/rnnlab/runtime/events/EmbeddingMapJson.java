package org.rnnlab.runtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rnnlab.api.event.EmbeddingMap;

/**
 * {@link EmbeddingMap} in the event log (version 5): {@code variant}, {@code table}, {@code words [word]},
 * {@code projections [{method, explanation, x [number], y [number]}]},
 * {@code probes [{word, neighbours [{word, similarity}]}]}. Kept apart from {@link EventJson}, whose other
 * events are flat.
 */
final class EmbeddingMapJson {
    private EmbeddingMapJson() {}

    static void write(EmbeddingMap e, ObjectNode o) {
        o.put("variant", e.variant());
        o.put("table", e.table());
        ArrayNode words = o.putArray("words");
        e.words().forEach(words::add);
        ArrayNode projections = o.putArray("projections");
        for (EmbeddingMap.Projection p : e.projections()) {
            ObjectNode n = projections.addObject();
            n.put("method", p.method());
            n.put("explanation", p.explanation());
            ArrayNode x = n.putArray("x");
            p.x().forEach(v -> x.add(EventJson.number(v)));
            ArrayNode y = n.putArray("y");
            p.y().forEach(v -> y.add(EventJson.number(v)));
        }
        ArrayNode probes = o.putArray("probes");
        for (EmbeddingMap.Probe p : e.probes()) {
            ObjectNode n = probes.addObject();
            n.put("word", p.word());
            ArrayNode neighbours = n.putArray("neighbours");
            for (EmbeddingMap.Neighbour b : p.neighbours()) {
                ObjectNode m = neighbours.addObject();
                m.put("word", b.word());
                m.set("similarity", EventJson.number(b.similarity()));
            }
        }
    }

    static EmbeddingMap read(String experiment, JsonNode o) {
        List<EmbeddingMap.Projection> projections = list(o, "projections", p -> new EmbeddingMap.Projection(
                text(p, "method"), text(p, "explanation"), list(p, "x", EventJson::numberOf), list(p, "y", EventJson::numberOf)));
        List<EmbeddingMap.Probe> probes = list(o, "probes", p -> new EmbeddingMap.Probe(text(p, "word"),
                list(p, "neighbours", n -> new EmbeddingMap.Neighbour(text(n, "word"), EventJson.numberOf(field(n, "similarity"))))));
        return new EmbeddingMap(experiment, text(o, "variant"), text(o, "table"), list(o, "words", EmbeddingMapJson::text),
                projections, probes);
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return n;
    }

    private static String text(JsonNode o, String name) {
        return text(field(o, name));
    }

    private static String text(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("'" + n + "' is not a string");
        }
        return n.asText();
    }

    private static <T> List<T> list(JsonNode o, String name, Function<JsonNode, T> element) {
        JsonNode n = field(o, name);
        if (!n.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' is not an array");
        }
        List<T> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(element.apply(e)));
        return out;
    }
}
