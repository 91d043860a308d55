package org.rnnlab.runtime.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.RnnlabException;

/**
 * A file of PyTorch reference vectors as {@code make_reference.py} writes them: {@code generator},
 * {@code layout} and a list of {@code cases}. Entries other than cell cases (optimizer and clipping
 * cases) are left for their own checks.
 */
public record ReferenceFile(Path source, String generator, List<ReferenceCase> cases) {
    private static final List<String> VALUE_NAMES =
            List.of("x", "h0", "c0", "probe", "y", "hT", "cT", "grad_x", "grad_h0", "grad_c0", "lengths");

    public ReferenceFile {
        cases = List.copyOf(cases);
    }

    /** Reads a file; a missing or malformed one gives an {@link RnnlabException} naming the file and the entry. */
    public static ReferenceFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new RnnlabException("cannot read reference file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("cases").isArray()) {
            throw new RnnlabException("reference file " + file + " has no 'cases' list; is it made by make_reference.py?");
        }
        List<ReferenceCase> cases = new ArrayList<>();
        int index = 0;
        for (JsonNode c : root.get("cases")) {
            String where = file + " case " + index++;
            try {
                cases.add(parseCase(c, where));
            } catch (IllegalArgumentException e) {
                throw new RnnlabException("reference file " + where + ": " + e.getMessage(), e);
            }
        }
        return new ReferenceFile(file, root.path("generator").asText("unknown generator"), cases);
    }

    private static ReferenceCase parseCase(JsonNode c, String where) {
        Map<String, ReferenceTensor> values = new HashMap<>();
        for (String name : VALUE_NAMES) {
            if (c.has(name)) {
                values.put(name, tensor(c.get(name), name));
            }
        }
        for (String required : List.of("x", "h0", "probe", "y", "hT", "grad_x", "grad_h0")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("missing '" + required + "'");
            }
        }
        return new ReferenceCase(text(c, "cell"), integer(c, "T"), integer(c, "B"), integer(c, "I"), integer(c, "H"),
                integer(c, "layers"), c.path("loss").asDouble(Double.NaN), values, tensors(c, "params"),
                tensors(c, "grad_params"));
    }

    private static Map<String, ReferenceTensor> tensors(JsonNode c, String field) {
        JsonNode node = c.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("missing object '" + field + "'");
        }
        Map<String, ReferenceTensor> m = new HashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), tensor(e.getValue(), field + "." + e.getKey())));
        return m;
    }

    private static ReferenceTensor tensor(JsonNode node, String name) {
        JsonNode shape = node.get("shape");
        JsonNode data = node.get("data");
        if (shape == null || !shape.isArray() || data == null || !data.isArray()) {
            throw new IllegalArgumentException("'" + name + "' needs 'shape' and 'data' arrays");
        }
        int[] s = new int[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).asInt();
        }
        double[] d = new double[data.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = data.get(i).asDouble();
        }
        try {
            return new ReferenceTensor(s, d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
        }
    }

    private static int integer(JsonNode c, String field) {
        if (!c.path(field).canConvertToInt()) {
            throw new IllegalArgumentException("missing integer '" + field + "'");
        }
        return c.get(field).asInt();
    }

    private static String text(JsonNode c, String field) {
        if (!c.path(field).isTextual()) {
            throw new IllegalArgumentException("missing text '" + field + "'");
        }
        return c.get(field).asText();
    }
}
