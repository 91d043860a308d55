package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

class SeedGroupTest {
    private static VariantRecord run(String name, String cell, long seed, VariantStatus status, double accuracy) {
        return new VariantRecord(name, Map.of("cell", cell, "seed", Long.toString(seed)), seed, 3, status, List.of(), List.of(),
                List.of(), List.of(), Map.of("val.accuracy", accuracy), Map.of(), 10, "", -1, -1);
    }

    @Test
    void groupsBySettingsWithoutTheSeedAndAveragesOnlyRunsThatTrainedToTheEnd() {
        ExperimentRecord e = new ExperimentRecord("x", "", Map.of(), List.of(
                run("lstm-1", "lstm", 1, VariantStatus.COMPLETED, 0.80),
                run("lstm-2", "lstm", 2, VariantStatus.STOPPED_EARLY, 0.84),
                run("lstm-3", "lstm", 3, VariantStatus.COMPLETED, 0.88),
                run("rnn-1", "rnn", 1, VariantStatus.COMPLETED, 0.70),
                run("rnn-2", "rnn", 2, VariantStatus.DIVERGED, 0.10),
                run("rnn-3", "rnn", 3, VariantStatus.FAILED, 0.00)), 100);
        List<SeedGroup> groups = SeedGroup.of(e);
        assertThat(groups).hasSize(2);
        SeedGroup lstm = groups.get(0);
        assertThat(lstm.settings()).isEqualTo(Map.of("cell", "lstm"));
        assertThat(lstm.mean("val.accuracy").getAsDouble()).isCloseTo(0.84, within(1e-12));
        // sample standard deviation of 0.80, 0.84, 0.88: sqrt((0.0016 + 0 + 0.0016) / 2) = 0.04
        assertThat(lstm.spread("val.accuracy").getAsDouble()).isCloseTo(0.04, within(1e-12));
        SeedGroup rnn = groups.get(1);
        assertThat(rnn.included()).extracting(VariantRecord::name).containsExactly("rnn-1");
        assertThat(rnn.excluded()).extracting(VariantRecord::name).containsExactly("rnn-2", "rnn-3");
        assertThat(rnn.mean("val.accuracy").getAsDouble()).isEqualTo(0.70);
        assertThat(rnn.spread("val.accuracy")).isEmpty();
        assertThat(rnn.count("val.accuracy")).isEqualTo(1);
    }
}
