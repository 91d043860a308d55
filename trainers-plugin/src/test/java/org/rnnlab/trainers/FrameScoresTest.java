package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A hand-counted case, and Tribuo as the outside authority: frame-level scores are the precision, recall
 * and F1 of the class "on" when every (step, key) pair is one binary prediction, which
 * {@link ClassificationScores} computes with Tribuo's confusion metrics. 1e-12 absorbs double rounding.
 */
class FrameScoresTest {

    /** What {@code SequenceModel.evaluate} reports: 0/1 per output of the unmasked rows, on when the logit is above 0. */
    private static FrameScores of(float[] logits, float[] targets, float[] mask, int outputs) {
        int[] predicted = new int[logits.length];
        int[] actual = new int[logits.length];
        int n = 0;
        int steps = 0;
        for (int r = 0; r < logits.length / outputs; r++) {
            if (mask != null && mask[r] == 0) {
                continue;
            }
            steps++;
            for (int i = r * outputs; i < (r + 1) * outputs; i++) {
                predicted[n] = logits[i] > 0f ? 1 : 0;
                actual[n++] = targets[i] != 0f ? 1 : 0;
            }
        }
        return FrameScores.ofBinary(java.util.Arrays.copyOf(predicted, n), java.util.Arrays.copyOf(actual, n), steps);
    }

    @Test
    void scoresAHandCountedCase() {
        // 2 steps x 3 keys; the third row is padding and must not count
        float[] logits = {2f, -1f, 0.5f, /**/ -3f, 4f, -0.1f, /**/ 9f, 9f, 9f};
        float[] targets = {1, 0, 0, /**/ 1, 1, 0, /**/ 0, 0, 0};
        FrameScores s = of(logits, targets, new float[] {1, 1, 0}, 3);
        // on: key 0 of step 0 (TP), key 2 of step 0 (FP), key 1 of step 1 (TP); key 0 of step 1 missed (FN)
        assertThat(s).isEqualTo(new FrameScores(2, 1, 1, 2));
        assertThat(s.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.f1()).isCloseTo(2.0 / 3, within(1e-12));
        // a logit of exactly 0 is probability 0.5: not above the threshold
        assertThat(of(new float[] {0f}, new float[] {1}, null, 1)).isEqualTo(new FrameScores(0, 0, 1, 1));
    }

    @Test
    void agreesWithTribuoOnTheBinaryClassOn() {
        SplittableRandom r = new SplittableRandom(4);
        int rows = 40;
        int keys = 88;
        float[] logits = new float[rows * keys];
        float[] targets = new float[rows * keys];
        float[] mask = new float[rows];
        for (int i = 0; i < logits.length; i++) {
            targets[i] = r.nextDouble() < 0.05 ? 1 : 0;
            // a fair predictor: mostly right, sometimes wrong both ways
            logits[i] = (float) ((targets[i] == 1 ? 1.0 : -2.0) + r.nextGaussian() * 1.5);
        }
        for (int row = 0; row < rows; row++) {
            mask[row] = row % 7 == 6 ? 0 : 1;
        }
        FrameScores s = of(logits, targets, mask, keys).plus(FrameScores.NONE);
        int counted = 0;
        for (float m : mask) {
            counted += (int) m;
        }
        int[] actual = new int[counted * keys];
        int[] predicted = new int[counted * keys];
        int n = 0;
        for (int row = 0; row < rows; row++) {
            for (int k = 0; mask[row] != 0 && k < keys; k++) {
                actual[n] = (int) targets[row * keys + k];
                predicted[n++] = logits[row * keys + k] > 0 ? 1 : 0;
            }
        }
        ClassificationScores tribuo = ClassificationScores.of(List.of("off", "on"), actual, predicted);
        long tp = tribuo.confusion()[1][1];
        long fp = tribuo.confusion()[0][1];
        long fn = tribuo.confusion()[1][0];
        assertThat(s).isEqualTo(new FrameScores(tp, fp, fn, counted));
        assertThat(tp).isPositive();
        assertThat(fp).isPositive();
        assertThat(fn).isPositive();
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        assertThat(s.precision()).isCloseTo(precision, within(1e-12));
        assertThat(s.recall()).isCloseTo(recall, within(1e-12));
        assertThat(s.f1()).isCloseTo(2 * precision * recall / (precision + recall), within(1e-12));
    }

    @Test
    void noPredictionsScoreZeroAndBadShapesAreRefused() {
        FrameScores none = of(new float[] {-1, -1}, new float[] {1, 0}, null, 2);
        assertThat(none.precision()).isZero();
        assertThat(none.f1()).isZero();
        assertThatThrownBy(() -> FrameScores.ofBinary(new int[6], new int[5], 2))
                .hasMessageContaining("6 predictions but 5 truths");
    }
}
