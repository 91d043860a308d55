package org.rnnlab.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void aLossIsNamedByTheOtherMetricsOfItsRuns() {
        Metric crossEntropy = Metric.of("val.loss", List.of("val.accuracy"));
        assertThat(crossEntropy.meaning()).isEqualTo("cross-entropy on the validation set");
        assertThat(crossEntropy.unit()).isEqualTo("nats");
        assertThat(crossEntropy.describe()).isEqualTo("cross-entropy on the validation set, nats; lower is better");
        assertThat(Metric.of("val.loss", List.of("val.mse")).meaning()).startsWith("squared error");
        assertThat(Metric.of("val.loss").meaning()).startsWith("the training objective");
    }

    @Test
    void eachKnownMetricHasOneDirection() {
        assertThat(Metric.of("val.accuracy").direction()).isEqualTo(Metric.Direction.HIGHER_IS_BETTER);
        assertThat(Metric.of("val.macro_f1").higherIsBetter()).isTrue();
        assertThat(Metric.of("val.precision").higherIsBetter()).isTrue();
        assertThat(Metric.of("test.perplexity").direction()).isEqualTo(Metric.Direction.LOWER_IS_BETTER);
        assertThat(Metric.of("val.loss").higherIsBetter()).isFalse();
        assertThat(Metric.of("val.bits_per_char").unit()).isEqualTo("bits per character");
        assertThat(Metric.of("grad.norm.global").direction()).isEqualTo(Metric.Direction.NEITHER);
        assertThat(Metric.of("time.tokens_per_second").describe())
                .isEqualTo("training throughput, tokens per second; higher is better");
    }

    @Test
    void taggingMetricsSayWhatTheyMeasure() {
        Metric tag = Metric.of("test.f1.B-PER", List.of("test.loss", "test.f1.B-PER"));
        assertThat(tag.describe()).isEqualTo("F1 of the tag 'B-PER' on the test set, 0 to 1; higher is better");
        assertThat(Metric.of("val.span_f1").describe())
                .startsWith("entity F1 on the validation set (an entity counts only with its whole span and type right")
                .endsWith("0 to 1; higher is better");
        assertThat(Metric.of("val.span_recall").higherIsBetter()).isTrue();
    }

    @Test
    void anUnknownNameStillSaysWhatItCan() {
        assertThat(Metric.of("val.word_error").direction()).isEqualTo(Metric.Direction.LOWER_IS_BETTER);
        assertThat(Metric.of("val.accuracy_top5").direction()).isEqualTo(Metric.Direction.HIGHER_IS_BETTER);
        Metric unknown = Metric.of("val.novelty");
        assertThat(unknown.direction()).isEqualTo(Metric.Direction.NEITHER);
        assertThat(unknown.describe()).isEqualTo("validation set");
        assertThat(Metric.of("novelty").describe()).isEmpty();
    }
}
