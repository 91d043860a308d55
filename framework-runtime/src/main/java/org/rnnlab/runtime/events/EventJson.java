package org.rnnlab.runtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.BestEpoch;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EmbeddingMap;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;

/**
 * One event as one JSON object, and back: format version 5 of the event log, described field by field
 * in {@link EventLog}. Written by hand rather than by reflection on the records so that renaming a
 * record component cannot change the format unnoticed.
 *
 * <p>Maps are written with sorted keys, so the same events give the same bytes. Numbers are JSON numbers
 * (shortest form that reads back to the same double); NaN and the infinities, which JSON lacks, are the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. Paths inside the run directory are
 * written relative to it ({@code "."} for the folder itself), so a moved run folder reads back as itself.
 */
final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path runDirectory;

    /** A codec for the log of the run in {@code runDirectory}. */
    EventJson(Path runDirectory) {
        this.runDirectory = runDirectory.toAbsolutePath().normalize();
    }

    ObjectNode write(Event event) {
        ObjectNode o = NODES.objectNode();
        o.put(EventLog.TYPE, event.getClass().getSimpleName());
        o.put("experiment", event.experiment());
        switch (event) {
            case ExperimentStarted e -> {
                o.put("description", e.description());
                o.put("runDirectory", path(e.runDirectory()));
                ObjectNode variants = o.putObject("variants");
                new TreeMap<>(e.variants()).forEach((v, settings) -> variants.set(v, strings(settings)));
                o.set("provenance", strings(e.provenance()));
            }
            case RunStarted e -> {
                o.put("variant", e.variant());
                o.set("settings", strings(e.settings()));
                o.put("seed", e.seed());
                o.put("runDirectory", path(e.runDirectory()));
                o.put("epochs", e.epochs());
            }
            case DataExcerpts e -> {
                o.put("variant", e.variant());
                o.put("split", e.split());
                ArrayNode excerpts = o.putArray("excerpts");
                e.excerpts().forEach(excerpts::add);
            }
            case EmbeddingImported e -> {
                o.put("variant", e.variant());
                o.put("file", e.file());
                o.put("found", e.found());
                o.put("words", e.words());
                o.put("trainable", e.trainable());
            }
            case EmbeddingMap e -> EmbeddingMapJson.write(e, o);
            case BatchCompleted e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.put("batch", e.batch());
                o.put("batches", e.batches());
                o.set("loss", number(e.loss()));
            }
            case EpochCompleted e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.set("metrics", numbers(e.metrics()));
                o.set("timings", numbers(e.timings()));
                if (!Double.isNaN(e.learningRate())) {
                    o.set("learningRate", number(e.learningRate()));
                }
            }
            case GradientStats e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.set("globalNorm", number(e.globalNorm()));
                o.set("parameterNorms", numbers(e.parameterNorms()));
                ArrayNode flow = o.putArray("flow");
                for (double f : e.flow()) {
                    flow.add(number(f));
                }
            }
            case Evaluation e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.put("split", e.split());
                ArrayNode labels = o.putArray("labels");
                e.labels().forEach(labels::add);
                ArrayNode counts = o.putArray("counts");
                for (long[] row : e.counts()) {
                    ArrayNode r = counts.addArray();
                    for (long c : row) {
                        r.add(c);
                    }
                }
            }
            case Samples e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                ArrayNode samples = o.putArray("samples");
                e.samples().forEach(samples::add);
                o.set("novelShare", number(e.novelShare()));
                if (e.batch() > 0) {
                    o.put("batch", e.batch());
                }
            }
            case AttentionMaps e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.put("split", e.split());
                ArrayNode maps = o.putArray("maps");
                for (AttentionMap m : e.maps()) {
                    ObjectNode map = maps.addObject();
                    ArrayNode source = map.putArray("source");
                    m.source().forEach(source::add);
                    ArrayNode output = map.putArray("output");
                    m.output().forEach(output::add);
                    ArrayNode weights = map.putArray("weights");
                    for (double[] row : m.weights()) {
                        ArrayNode r = weights.addArray();
                        for (double w : row) {
                            r.add(number(w));
                        }
                    }
                }
            }
            case Checkpointed e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.put("file", path(e.file()));
            }
            case RunDiverged e -> {
                o.put("variant", e.variant());
                o.put("epoch", e.epoch());
                o.put("step", e.step());
                o.set("lastFiniteLoss", number(e.lastFiniteLoss()));
                o.put("reason", e.reason());
            }
            case RunFailed e -> {
                o.put("variant", e.variant());
                o.put("message", e.message());
            }
            case RunCompleted e -> {
                o.put("variant", e.variant());
                o.put("status", e.status().name());
                o.set("finalMetrics", numbers(e.finalMetrics()));
                o.set("bestMetrics", numbers(e.bestMetrics()));
                o.put("wallMillis", e.wallMillis());
                if (e.best().known()) {
                    ObjectNode best = o.putObject("best");
                    best.put("epoch", e.best().epoch());
                    best.put("metric", e.best().metric());
                    best.set("value", number(e.best().value()));
                    best.put("restored", e.best().restored());
                }
            }
            case ClaimChecked e -> {
                o.put("claim", e.claim());
                o.put("source", e.source());
                o.put("verdict", e.verdict().name());
                o.set("measured", numbers(e.measured()));
                o.put("detail", e.detail());
                if (e.compared().any()) {
                    ObjectNode compared = o.putObject("compared");
                    compared.put("metric", e.compared().metric());
                    compared.put("best", e.compared().best());
                    ArrayNode bestFirst = compared.putArray("bestFirst");
                    e.compared().bestFirst().forEach(bestFirst::add);
                }
            }
            case ExperimentCompleted e -> {
                o.put("runDirectory", path(e.runDirectory()));
                ObjectNode status = o.putObject("status");
                new TreeMap<>(e.status()).forEach((v, s) -> status.put(v, s.name()));
                o.put("wallMillis", e.wallMillis());
            }
        }
        return o;
    }

    /** The event {@code o} holds; throws {@link IllegalArgumentException} saying which field is wrong. */
    Event read(JsonNode o) {
        Fields f = new Fields(o);
        String type = f.text(EventLog.TYPE);
        String experiment = f.text("experiment");
        return switch (type) {
            case "ExperimentStarted" -> new ExperimentStarted(experiment, f.text("description"),
                    f.path("runDirectory"), f.map("variants", n -> new Fields(n).strings()), f.strings("provenance"));
            case "RunStarted" -> new RunStarted(experiment, f.text("variant"), f.strings("settings"), f.integer("seed"),
                    f.path("runDirectory"), (int) f.integer("epochs"));
            case "DataExcerpts" -> new DataExcerpts(experiment, f.text("variant"), f.text("split"),
                    f.list("excerpts", Fields::text));
            case "EmbeddingImported" -> new EmbeddingImported(experiment, f.text("variant"), f.text("file"),
                    (int) f.integer("found"), (int) f.integer("words"), f.flag("trainable"));
            case "EmbeddingMap" -> EmbeddingMapJson.read(experiment, o);
            case "BatchCompleted" -> new BatchCompleted(experiment, f.text("variant"), (int) f.integer("epoch"),
                    (int) f.integer("batch"), (int) f.integer("batches"), f.number("loss"));
            case "EpochCompleted" -> new EpochCompleted(experiment, f.text("variant"), (int) f.integer("epoch"),
                    f.numbers("metrics"), f.numbers("timings"), f.optionalNumber("learningRate"));
            case "GradientStats" -> new GradientStats(experiment, f.text("variant"), (int) f.integer("epoch"),
                    f.number("globalNorm"), f.numbers("parameterNorms"),
                    f.list("flow", Fields::number).stream().mapToDouble(Double::doubleValue).toArray());
            case "Evaluation" -> new Evaluation(experiment, f.text("variant"), (int) f.integer("epoch"), f.text("split"),
                    f.list("labels", Fields::text), f.list("counts", row -> {
                        List<Long> counts = new Fields(row).elements(Fields::integer);
                        return counts.stream().mapToLong(Long::longValue).toArray();
                    }).toArray(long[][]::new));
            case "Samples" -> new Samples(experiment, f.text("variant"), (int) f.integer("epoch"),
                    f.list("samples", Fields::text), f.number("novelShare"),
                    // absent for samples drawn after an epoch, and in logs written before early samples
                    o.has("batch") ? (int) f.integer("batch") : 0);
            case "AttentionMaps" -> new AttentionMaps(experiment, f.text("variant"), (int) f.integer("epoch"),
                    f.text("split"), f.list("maps", m -> {
                        Fields map = new Fields(m);
                        double[][] weights = map.list("weights", row -> new Fields(row).elements(Fields::number).stream()
                                .mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
                        try {
                            return new AttentionMap(map.list("source", Fields::text), map.list("output", Fields::text), weights);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("field 'maps': " + e.getMessage(), e);
                        }
                    }));
            case "Checkpointed" -> new Checkpointed(experiment, f.text("variant"), (int) f.integer("epoch"), f.path("file"));
            case "RunDiverged" -> new RunDiverged(experiment, f.text("variant"), (int) f.integer("epoch"),
                    f.integer("step"), f.number("lastFiniteLoss"), f.text("reason"));
            case "RunFailed" -> new RunFailed(experiment, f.text("variant"), f.text("message"));
            case "RunCompleted" -> new RunCompleted(experiment, f.text("variant"), f.status("status"),
                    f.numbers("finalMetrics"), f.numbers("bestMetrics"), f.integer("wallMillis"), f.bestEpoch("best"));
            case "ClaimChecked" -> new ClaimChecked(experiment, f.text("claim"), f.text("source"), f.verdict("verdict"),
                    f.numbers("measured"), f.text("detail"), f.compared("compared"));
            case "ExperimentCompleted" -> new ExperimentCompleted(experiment, f.path("runDirectory"),
                    f.map("status", n -> Fields.status(n, "a status")), f.integer("wallMillis"));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private String path(Path p) {
        if (p == null) {
            return null;
        }
        Path absolute = p.toAbsolutePath().normalize();
        if (absolute.equals(runDirectory)) {
            return ".";
        }
        // a path outside the run folder stays as it was given: it names something the run did not make
        return absolute.startsWith(runDirectory) ? runDirectory.relativize(absolute).toString().replace('\\', '/') : p.toString();
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode o = NODES.objectNode();
        new TreeMap<>(map).forEach(o::put);
        return o;
    }

    private static ObjectNode numbers(Map<String, Double> map) {
        ObjectNode o = NODES.objectNode();
        new TreeMap<>(map).forEach((k, v) -> o.set(k, number(v)));
        return o;
    }

    static JsonNode number(double value) {
        if (Double.isNaN(value)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(value);
    }

    /** A number as {@link #number(double)} writes it; {@link IllegalArgumentException} for anything else. */
    static double numberOf(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.isTextual() ? n.asText() : "") {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("'" + n + "' is not a number");
        };
    }

    /** Reads the fields of one object, naming the field that is missing or of the wrong kind. */
    private final class Fields {
        private final JsonNode node;

        Fields(JsonNode node) {
            this.node = node;
        }

        private JsonNode get(String field) {
            JsonNode n = node.get(field);
            if (n == null) {
                throw new IllegalArgumentException("field '" + field + "' is missing");
            }
            return n;
        }

        String text(String field) {
            JsonNode n = get(field);
            if (n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw new IllegalArgumentException("field '" + field + "' is not a string");
            }
            return n.asText();
        }

        static String text(JsonNode n) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("'" + n + "' is not a string");
            }
            return n.asText();
        }

        long integer(String field) {
            return integer(get(field), "field '" + field + "'");
        }

        static long integer(JsonNode n) {
            return integer(n, "an element");
        }

        private static long integer(JsonNode n, String what) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new IllegalArgumentException(what + " is not a whole number: " + n);
            }
            return n.asLong();
        }

        double number(String field) {
            return number(get(field));
        }

        static double number(JsonNode n) {
            return EventJson.numberOf(n);
        }

        RunStatus status(String field) {
            return status(get(field), "field '" + field + "'");
        }

        static RunStatus status(JsonNode n, String what) {
            try {
                return RunStatus.valueOf(text(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " is not one of COMPLETED, DIVERGED, FAILED, STOPPED_EARLY: " + n);
            }
        }

        Path path(String field) {
            String p = text(field);
            return p == null ? null : runDirectory.resolve(p).normalize();
        }

        <T> Map<String, T> map(String field, Function<JsonNode, T> value) {
            JsonNode n = get(field);
            if (!n.isObject()) {
                throw new IllegalArgumentException("field '" + field + "' is not an object");
            }
            Map<String, T> out = new TreeMap<>();
            n.properties().forEach(entry -> out.put(entry.getKey(), value.apply(entry.getValue())));
            return out;
        }

        ClaimVerdict verdict(String field) {
            String v = text(field);
            try {
                return ClaimVerdict.valueOf(v);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("field '" + field + "' is not one of HOLDS, FAILS, NOT_MEASURED, NOT_CHECKED: " + v);
            }
        }

        /** An optional number: NaN when absent (logs written before version 4 carry no learning rate). */
        double optionalNumber(String field) {
            JsonNode n = node.get(field);
            return n == null || n.isNull() ? Double.NaN : number(n);
        }

        /** The groups a claim compares: absent for a threshold and in logs written before version 4. */
        ClaimChecked.Compared compared(String field) {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                return ClaimChecked.Compared.NONE;
            }
            Fields c = new Fields(n);
            JsonNode best = c.get("best");
            if (!best.isBoolean()) {
                throw new IllegalArgumentException("field 'best' of '" + field + "' is not true or false");
            }
            JsonNode groups = c.get("bestFirst");
            if (!groups.isArray()) {
                throw new IllegalArgumentException("field 'bestFirst' of '" + field + "' is not a list");
            }
            List<String> bestFirst = new ArrayList<>();
            groups.forEach(g -> bestFirst.add(text(g)));
            return new ClaimChecked.Compared(c.text("metric"), best.asBoolean(), bestFirst);
        }

        /** The optional best epoch of a run: absent in logs written before rnnlab recorded it. */
        BestEpoch bestEpoch(String field) {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                return BestEpoch.NONE;
            }
            Fields b = new Fields(n);
            JsonNode restored = b.get("restored");
            if (!restored.isBoolean()) {
                throw new IllegalArgumentException("field 'restored' of '" + field + "' is not true or false");
            }
            return new BestEpoch((int) b.integer("epoch"), b.text("metric"), b.number("value"), restored.asBoolean());
        }

        boolean flag(String field) {
            JsonNode n = get(field);
            if (!n.isBoolean()) {
                throw new IllegalArgumentException("field '" + field + "' is not true or false");
            }
            return n.asBoolean();
        }

        Map<String, String> strings(String field) {
            return map(field, Fields::text);
        }

        Map<String, String> strings() {
            Map<String, String> out = new TreeMap<>();
            if (!node.isObject()) {
                throw new IllegalArgumentException("'" + node + "' is not an object");
            }
            node.properties().forEach(entry -> out.put(entry.getKey(), text(entry.getValue())));
            return out;
        }

        Map<String, Double> numbers(String field) {
            return map(field, Fields::number);
        }

        <T> List<T> list(String field, Function<JsonNode, T> element) {
            return new Fields(get(field)).elements(element);
        }

        <T> List<T> elements(Function<JsonNode, T> element) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("'" + node + "' is not an array");
            }
            List<T> out = new ArrayList<>();
            node.forEach(n -> out.add(element.apply(n)));
            return out;
        }
    }
}
