package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Tensor;

/**
 * The skip-gram negative-sampling loss against PyTorch on a fixed batch ({@code reference/skipgram.txt},
 * made by {@code framework-model/tools/skipgram_reference.py}): loss and both tables' gradients to 1e-5
 * (absolute, on values of order 0.1-3). Sums run in double; what remains is the float32 rounding of the
 * stored gradients (relative 6e-8), far below it, while a missing or doubled term is of order 0.01 or more.
 */
class SkipGramLossTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void lossAndGradientsMatchPyTorchOnAFixedBatch() throws Exception {
        Map<String, double[]> ref = reference("/reference/skipgram.txt");
        int v = (int) ref.get("sizes")[0];
        int e = (int) ref.get("sizes")[1];
        int k = (int) ref.get("sizes")[2];
        Tensor input = tensor(ref.get("input"), v, e);
        Tensor output = tensor(ref.get("output"), v, e);
        Tensor gradInput = Tensor.zeros(v, e);
        Tensor gradOutput = Tensor.zeros(v, e);
        double loss = SkipGramLoss.lossAndGradients(ints(ref.get("centers")), ints(ref.get("contexts")),
                ints(ref.get("negatives")), k, input, output, gradInput, gradOutput);
        assertThat(loss).isCloseTo(ref.get("loss")[0], within(TOLERANCE));
        assertClose(gradInput, ref.get("grad_input"), "input table gradient");
        assertClose(gradOutput, ref.get("grad_output"), "output table gradient");
    }

    @Test
    void gradientsAddToWhatIsThereAndTheSameBatchGivesTheSameBits() throws Exception {
        Map<String, double[]> ref = reference("/reference/skipgram.txt");
        int v = (int) ref.get("sizes")[0];
        int e = (int) ref.get("sizes")[1];
        int k = (int) ref.get("sizes")[2];
        float[][] runs = new float[2][];
        for (int run = 0; run < 2; run++) {
            Tensor gradInput = Tensor.zeros(v, e);
            gradInput.fill(1f);
            SkipGramLoss.lossAndGradients(ints(ref.get("centers")), ints(ref.get("contexts")), ints(ref.get("negatives")),
                    k, tensor(ref.get("input"), v, e), tensor(ref.get("output"), v, e), gradInput, Tensor.zeros(v, e));
            runs[run] = gradInput.toArray();
        }
        assertThat(runs[1]).containsExactly(runs[0]);
        double[] expected = ref.get("grad_input");
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) runs[0][i]).as("entry %d", i).isCloseTo(1 + expected[i], within(TOLERANCE));
        }
    }

    static void assertClose(Tensor actual, double[] expected, String what) {
        float[] a = actual.toArray();
        assertThat(a).as(what).hasSize(expected.length);
        for (int i = 0; i < a.length; i++) {
            assertThat((double) a[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    /** A reference file of the generator: one entry per line, {@code name v1 v2 ...}; {@code #} lines are comments. */
    static Map<String, double[]> reference(String resource) throws Exception {
        Map<String, double[]> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SkipGramLossTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split(" ");
                    out.put(parts[0], Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return out;
    }

    static int[] ints(double[] values) {
        return Arrays.stream(values).mapToInt(d -> (int) d).toArray();
    }

    static Tensor tensor(double[] values, int rows, int cols) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Tensor.of(f, rows, cols);
    }
}
