package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.EpochCompleted;

/** A sequence-to-sequence run publishes where its attention looked, after every epoch, for the report's heatmaps. */
class AttentionEventsTest {
    @TempDir
    Path dir;

    private static Map<String, String> dates(String attention) {
        Map<String, String> s = new HashMap<>();
        s.put("dataset", "dates");
        s.put("dataset.count", "128");
        s.put("dataset.validation", "16");
        s.put("dataset.test", "16");
        s.put("cell", "gru");
        s.put("hidden", "16");
        s.put("embedding", "8");
        s.put("attention", attention);
        s.put("epochs", "2");
        s.put("batch", "32");
        s.put("lr", "0.003");
        return s;
    }

    @Test
    void theSameTestExamplesEveryEpochEachRowAProbabilityOverTheSourceTokens() throws Exception {
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", dates("additive"), dir.resolve("a"), bus, false);

        List<AttentionMaps> events = bus.of(AttentionMaps.class);
        assertThat(events).extracting(AttentionMaps::epoch).containsExactly(1, 2);
        assertThat(bus.of(EpochCompleted.class)).hasSize(2);
        for (AttentionMaps e : events) {
            assertThat(e.split()).isEqualTo("test");
            assertThat(e.maps()).hasSize(BpttTrainer.ATTENTION_EXAMPLES);
            for (AttentionMap m : e.maps()) {
                // a date's source characters, its ISO characters (ten, and the end token once the model stops)
                assertThat(m.source()).isNotEmpty();
                assertThat(m.output()).isNotEmpty();
                for (double[] row : m.weights()) {
                    assertThat(row).hasSize(m.source().size());
                    assertThat(java.util.Arrays.stream(row).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
                    assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
        assertThat(events.get(1).maps()).extracting(AttentionMap::source)
                .isEqualTo(events.get(0).maps().stream().map(AttentionMap::source).toList());

        RecordingBus again = new RecordingBus();
        TrainerTest.train("bptt", dates("additive"), dir.resolve("b"), again, false);
        assertThat(again.of(AttentionMaps.class)).isEqualTo(events); // deterministic under the seed
    }

    @Test
    void aModelWithoutAttentionPublishesNone() throws Exception {
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", dates("none"), dir, bus, false);
        assertThat(bus.of(EpochCompleted.class)).hasSize(2);
        assertThat(bus.of(AttentionMaps.class)).isEmpty();
    }
}
