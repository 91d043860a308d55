package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Divergence beyond NaN (issue 20): the losses the issue saw end the run; ordinary ones do not. */
class LossBoundTest {

    @Test
    void helloAtLearningRate1e3EndsAtLoss2069WhichIsFarAboveAUniformGuess() {
        // hello's vocabulary: h, e, l, o and the end-of-sequence token
        LossBound bound = LossBound.uniformGuess(5, LossBound.DEFAULT_FACTOR);
        assertThat(bound.limit()).isEqualTo(10 * Math.log(5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bound.check("training", 4, 2069.0)).contains(
                "training loss 2069 in epoch 4 is above 16.0944 (10 times 1.6094, the loss of a uniform guess over 5 classes)");
    }

    @Test
    void dinosaursAtLearningRate1e30() {
        assertThat(LossBound.uniformGuess(27, LossBound.DEFAULT_FACTOR).check("validation", 2, 3.5e31))
                .get().asString().startsWith("validation loss 3.5E31 in epoch 2 is above 32.9584");
    }

    @Test
    void aLossThatIsNotFiniteOnAnySplitDiverges() {
        LossBound bound = LossBound.uniformGuess(27, LossBound.DEFAULT_FACTOR);
        assertThat(bound.check("validation", 3, Double.POSITIVE_INFINITY)).contains("validation loss became Infinity in epoch 3");
        assertThat(bound.check("test", 1, Double.NaN)).contains("test loss became NaN in epoch 1");
    }

    @Test
    void ordinaryLossesIncludingAnUntrainedModelsDoNot() {
        LossBound bound = LossBound.uniformGuess(65, LossBound.DEFAULT_FACTOR);
        for (double loss : new double[] {0, 1.2, Math.log(65), 3 * Math.log(65), 10 * Math.log(65)}) {
            assertThat(bound.check("training", 1, loss)).as("loss %s", loss).isEmpty();
        }
        assertThat(bound.check("training", 1, Math.nextUp(10 * Math.log(65)))).isPresent();
    }

    @Test
    void theFactorIsSettableAndMustBePositive() {
        assertThat(LossBound.uniformGuess(2, 3).check("training", 1, 2.5)).isPresent();
        assertThat(LossBound.uniformGuess(2, 4).check("training", 1, 2.5)).isEmpty();
        assertThatThrownBy(() -> LossBound.uniformGuess(2, 0)).hasMessageContaining("must be a positive number but was 0.0");
        assertThatThrownBy(() -> LossBound.uniformGuess(2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAUniformGuessOnlyNonFiniteLossesCount() {
        assertThat(LossBound.uniformGuess(1, 10).check("training", 1, 1e300)).isEmpty();
        assertThat(LossBound.finiteOnly().check("training", 1, 1e300)).isEmpty();
        assertThat(LossBound.finiteOnly().check("training", 1, Double.NEGATIVE_INFINITY)).isPresent();
    }
}
