package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.rnnlab.engine.Tensor;

/**
 * The PyTorch reference files under {@code reference/} (made by the scripts in {@code trainers-plugin/tools}):
 * tensors as {@code {"shape": [...], "data": [...]}}, and the error measure of the cell reference checks.
 */
final class ReferenceJson {
    private ReferenceJson() {}

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = ReferenceJson.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * The largest relative error, each element judged against at least {@code floor} times its tensor's
     * largest entry (at least 1), so that entries near zero are not judged by their own tiny size.
     */
    static double relativeError(double[] actual, double[] expected, double floor) {
        assertThat(actual).hasSameSizeAs(expected);
        double largest = 0;
        for (double v : expected) {
            largest = Math.max(largest, Math.abs(v));
        }
        double least = floor * Math.max(1, largest);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), least));
        }
        return worst;
    }

    static double[] values(JsonNode t) {
        JsonNode data = t.get("data");
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i).asDouble();
        }
        return out;
    }

    static double[] values(Tensor t) {
        float[] f = t.toArray();
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    static Tensor tensor(JsonNode t) {
        double[] v = values(t);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        int[] shape = new int[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.get("shape").get(i).asInt();
        }
        return Tensor.of(f, shape);
    }
}
