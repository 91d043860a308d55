package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.api.train.Parameter;

/**
 * Every gradient of the encoder-decoder against central finite differences of its loss, per attention,
 * with an LSTM (two states, so the bridge feeds {@code h} and {@code c}) and two layers, over a padded
 * batch. Tolerance as the engine's gradient checks: {@code h = 1e-2} on float32 losses of O(1) leaves
 * ~1e-4 of noise and truncation, so {@code |fd - analytic| <= 1e-2 * max(|fd|, |analytic|) + 1e-3};
 * any wrong term, sign or missing path is of order 1 and fails.
 */
class EncoderDecoderGradientTest {
    private static final double STEP = 1e-2;

    @ParameterizedTest
    @ValueSource(strings = {"none", "additive", "general", "dot"})
    void gradientsMatchFiniteDifferences(String attention) {
        check(new EncoderDecoderSpec(7, 6, 3, 3, "lstm", Map.of(), 4, 2, attention, 5, true));
    }

    /** Both directions of both encoder layers, the reverse one starting at each padded source's own last step. */
    @ParameterizedTest
    @ValueSource(strings = {"none", "dot"})
    void aBidirectionalEncodersGradientsMatchFiniteDifferences(String attention) {
        EncoderDecoderSpec spec = new EncoderDecoderSpec(7, 6, 3, 3, "lstm", Map.of(), 4, 2, attention, 5, true, true);
        EncoderDecoder model = EncoderDecoder.create(new LstmCellFactory(), spec, new SplittableRandom(3));
        assertThat(model.parameters()).extracting(Parameter::name).contains("encoder.weight_ih_l1_reverse");
        check(spec);
    }

    private static void check(EncoderDecoderSpec spec) {
        EncoderDecoder model = EncoderDecoder.create(new LstmCellFactory(), spec, new SplittableRandom(3));
        PairBatch batch = PairBatch.of(List.of(new int[] {4, 5, 6}, new int[] {6}, new int[] {5, 4}),
                List.of(new int[] {4, 5}, new int[] {5, 5, 4}, new int[] {4}));
        model.trainStep(batch);
        int checked = 0;
        for (Parameter p : model.parameters()) {
            float[] grads = p.grad().toArray();
            float[] x = p.value().data();
            for (int i = 0; i < x.length; i++) {
                float saved = x[i];
                x[i] = (float) (saved + STEP);
                double plus = model.lossSum(batch) / batch.targetTokens();
                x[i] = (float) (saved - STEP);
                double minus = model.lossSum(batch) / batch.targetTokens();
                x[i] = saved;
                double span = (double) (float) (saved + STEP) - (double) (float) (saved - STEP);
                double fd = (plus - minus) / span;
                double bound = 1e-2 * Math.max(Math.abs(fd), Math.abs(grads[i])) + 1e-3;
                assertThat(Math.abs(fd - grads[i])).as("%s[%d]: finite difference %s vs analytic %s", p.name(), i, fd, grads[i])
                        .isLessThanOrEqualTo(bound);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
    }
}
