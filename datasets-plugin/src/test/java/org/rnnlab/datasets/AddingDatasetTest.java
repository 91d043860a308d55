package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.Settings;

class AddingDatasetTest {
    private static Dataset load(Map<String, String> options, long seed) {
        return new AddingDataset().load(Settings.of(options), seed);
    }

    @Test
    void eachSequenceHasTwoMarkedStepsOnePerHalfAndTheirSumAsTarget() {
        Dataset d = load(Map.of("length", "30", "count", "200", "validation", "20", "test", "10"), 4);
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_REGRESSION);
        assertThat(d.train()).hasSize(200);
        assertThat(d.validation()).hasSize(20);
        assertThat(d.test()).hasSize(10);
        assertThat(d.labels()).isEmpty();
        for (Example e : d.train()) {
            VectorExample v = (VectorExample) e;
            assertThat(v.length()).isEqualTo(30);
            assertThat(v.features()).isEqualTo(2);
            int marked = 0;
            float sum = 0;
            for (int t = 0; t < 30; t++) {
                assertThat(v.steps()[t][0]).isBetween(0f, 1f);
                if (v.steps()[t][1] == 1f) {
                    marked++;
                    sum += v.steps()[t][0];
                    assertThat(marked == 1 ? t < 15 : t >= 15).as("marker %d at step %d", marked, t).isTrue();
                } else {
                    assertThat(v.steps()[t][1]).isZero();
                }
            }
            assertThat(marked).isEqualTo(2);
            assertThat(v.target()).containsExactly(sum);
        }
    }

    @Test
    void theSeedFixesTheDataAndEachSplitHasItsOwnStream() {
        Map<String, String> small = Map.of("count", "50", "validation", "5", "test", "5");
        assertThat(load(small, 9)).isEqualTo(load(small, 9));
        assertThat(load(small, 9).train()).isNotEqualTo(load(small, 10).train());
        Map<String, String> moreTrain = Map.of("count", "80", "validation", "5", "test", "5");
        assertThat(load(moreTrain, 9).validation()).isEqualTo(load(small, 9).validation());
        assertThat(load(moreTrain, 9).train().subList(0, 50)).isEqualTo(load(small, 9).train());
    }

    @Test
    void targetsAverageAboutOne() {
        Dataset d = load(Map.of("count", "4000", "validation", "0", "test", "0"), 1);
        double mean = d.train().stream().mapToDouble(e -> ((VectorExample) e).target()[0]).average().orElseThrow();
        // the sum of two U[0,1] values has mean 1 and sd 0.41; over 4000 draws the mean's sd is 0.0065: 5 sd
        assertThat(mean).isBetween(0.967, 1.033);
    }

    @Test
    void tooShortALengthIsRefused() {
        assertThatThrownBy(() -> load(Map.of("length", "1"), 1)).isInstanceOf(ConfigException.class)
                .hasMessage("setting 'dataset.length' must be at least 2 but was '1'");
    }
}
