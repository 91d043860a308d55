package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.model.embedding.SkipGramLossTest.assertClose;
import static org.rnnlab.model.embedding.SkipGramLossTest.ints;
import static org.rnnlab.model.embedding.SkipGramLossTest.reference;
import static org.rnnlab.model.embedding.SkipGramLossTest.tensor;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Tensor;

/**
 * The CBOW negative-sampling loss against PyTorch autograd on a fixed batch ({@code reference/cbow.txt}, made
 * by {@code framework-model/tools/skipgram_reference.py}): examples of 2 to 4 context words, one word twice in
 * an example and one shared by two, so the averaged gradient must be split and added up. Loss and both
 * gradients to 1e-5 absolute, as for skip-gram: the sums run in double and only the float32 rounding of the
 * stored gradients (relative 6e-8) remains, while a gradient not divided by the context size is off by 0.01
 * or more.
 */
class CbowLossTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void lossAndGradientsMatchPyTorchOnAFixedBatch() throws Exception {
        Map<String, double[]> ref = reference("/reference/cbow.txt");
        int v = (int) ref.get("sizes")[0];
        int e = (int) ref.get("sizes")[1];
        int k = (int) ref.get("sizes")[2];
        Tensor gradInput = Tensor.zeros(v, e);
        Tensor gradOutput = Tensor.zeros(v, e);
        double loss = CbowLoss.lossAndGradients(ints(ref.get("contexts")), ints(ref.get("starts")),
                ints(ref.get("centers")), ints(ref.get("negatives")), k, tensor(ref.get("input"), v, e),
                tensor(ref.get("output"), v, e), gradInput, gradOutput);
        assertThat(loss).isCloseTo(ref.get("loss")[0], within(TOLERANCE));
        assertClose(gradInput, ref.get("grad_input"), "input table gradient");
        assertClose(gradOutput, ref.get("grad_output"), "output table gradient");
    }

    @Test
    void anExampleWithoutContextWordsIsRefused() {
        assertThatThrownBy(() -> CbowLoss.lossAndGradients(new int[] {1}, new int[] {0, 0, 1}, new int[] {2, 3},
                new int[] {0, 0}, 1, Tensor.zeros(4, 2), Tensor.zeros(4, 2), Tensor.zeros(4, 2), Tensor.zeros(4, 2)))
                .hasMessageContaining("example 0 has no context words");
    }
}
