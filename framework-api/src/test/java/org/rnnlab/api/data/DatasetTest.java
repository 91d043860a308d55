package org.rnnlab.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private final Dataset d = new Dataset("toy", "a toy", TaskKind.SEQUENCE_CLASSIFICATION,
            List.of(new TextExample("good", "pos"), new TextExample("bad", "neg")),
            List.of(new TextExample("fine", "pos")), List.of(),
            List.of("neg", "pos"), Map.of("seed", "1", "b", "2"));

    @Test
    void labelsIndexClassesAndSplitsAreNamed() {
        assertThat(d.labelIndex("pos")).isEqualTo(1);
        assertThat(d.labelIndex("other")).isEqualTo(-1);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.split("validation")).isSameAs(d.validation());
        assertThat(d.trainingTexts()).containsExactly("good", "bad");
        assertThat(d.provenance().keySet()).containsExactly("b", "seed");
        assertThatThrownBy(() -> d.split("dev")).hasMessage("no split 'dev'; splits: train, validation, test");
    }

    @Test
    void anEmptyTrainingSplitOrANullLabelIsRefused() {
        assertThatThrownBy(() -> new Dataset("x", "x", TaskKind.LANGUAGE_MODELLING, List.of(), List.of(), List.of(),
                List.of(), Map.of())).hasMessage("dataset 'x' has an empty training split");
        assertThatThrownBy(() -> new TextExample("t", null)).isInstanceOf(NullPointerException.class);
        assertThat(TextExample.unlabelled("t").labelled()).isFalse();
        assertThat(TextExample.unlabelled("t").tags()).isEmpty();
    }

    @Test
    void vectorExamplesCompareByContentAndNeedEqualWidthSteps() {
        VectorExample a = new VectorExample(new float[][] {{1, 0}, {2, 1}}, new float[] {3});
        assertThat(a).isEqualTo(new VectorExample(new float[][] {{1, 0}, {2, 1}}, new float[] {3})).hasSameHashCodeAs(
                new VectorExample(new float[][] {{1, 0}, {2, 1}}, new float[] {3}));
        assertThat(a.length()).isEqualTo(2);
        assertThat(a.features()).isEqualTo(2);
        assertThatThrownBy(() -> new VectorExample(new float[][] {{1, 0}, {2}}, new float[] {3}))
                .hasMessage("step 1 has 1 features but step 0 has 2");
    }
}
