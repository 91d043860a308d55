package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.RunStarted;

/**
 * The real chorales a music run publishes for its report ({@link MultiLabelTask#dataExcerpts}): the first two
 * chorales of the jsb-chorales test split, cut to the sample length, once, before the run starts training;
 * a language model publishes none.
 */
class DataExcerptsTest {
    @TempDir
    Path dir;

    @Test
    void aMusicRunPublishesTheFirstTwoTestChoralesCutToTheSampleLength() throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "jsb-chorales", "cell", "rnn", "hidden", "4",
                "embedding", "0", "epochs", "1", "batch", "64", "samples", "1", "sample_length", "6"));
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", s, dir.resolve("v"), bus, false);

        List<DataExcerpts> published = bus.of(DataExcerpts.class);
        assertThat(published).hasSize(1);
        DataExcerpts excerpts = published.getFirst();
        assertThat(excerpts.variant()).isEqualTo("v");
        assertThat(excerpts.split()).isEqualTo("test");
        // the first six quarter notes of test chorales 1 (84 steps) and 2 (61 steps) in jsb-chorales-quarter.json
        assertThat(excerpts.excerpts()).containsExactly(
                "72.76.79.84 72.76.79.84 71.74.79.86 73.77.81.88 75.81.83.90 75.81.83.90",
                "72.76.79.84 71.74.79 69.72.79.81 67.74.79.83 64.76.79.84 62.77.83.86");
        assertThat(bus.events.indexOf(excerpts)).isLessThan(bus.events.indexOf(bus.of(RunStarted.class).getFirst()));
    }

    @Test
    void aLanguageModelPublishesNoExcerpts() throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "hello", "tokenizer", "character", "cell", "rnn", "hidden", "4", "embedding", "0",
                "epochs", "1", "batch", "4", "samples", "1", "sample_length", "6"));
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", s, dir.resolve("lm"), bus, false);

        assertThat(bus.of(RunStarted.class)).hasSize(1);
        assertThat(bus.of(DataExcerpts.class)).isEmpty();
    }
}
