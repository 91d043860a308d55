package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;

/** The word-embedding keys belong to the tasks that read them; the others refuse them instead of ignoring them. */
class EmbeddingKeysTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheTasksThatStartFromWordVectorsDeclareTheKeys() {
        assertThat(SequenceTask.CLASSIFICATION.settings().names()).contains("embedding.init", "embedding.trainable",
                "embedding.probes");
        assertThat(SequenceTask.LANGUAGE_MODELLING.settings().names()).contains("embedding.init");
        assertThat(new SequenceToSequenceTask().settings().names()).doesNotContain("embedding.init", "embedding.trainable");
        assertThat(new MultiLabelTask().settings().names()).doesNotContain("embedding.init", "embedding.trainable");
    }

    @Test
    void theEncoderDecoderRefusesAFrozenEmbeddingItWouldIgnore() {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "dates", "dataset.count", "40", "dataset.validation", "5",
                "dataset.test", "5", "cell", "gru", "hidden", "4", "epochs", "1", "embedding.trainable", "false"));
        assertThatThrownBy(() -> TrainerTest.train("bptt", s, dir.resolve("pairs"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("embedding.init")
                .hasMessageContaining("sequence-to-sequence");
    }
}
