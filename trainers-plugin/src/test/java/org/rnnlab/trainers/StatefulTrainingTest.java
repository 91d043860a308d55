package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.train.RunResult;

/** {@code bptt.stateful} through the runtime's pipeline: batches in text order, the same bits for the same seed. */
class StatefulTrainingTest {
    @TempDir
    Path dir;
    private Path corpus;

    @BeforeEach
    void writeCorpus() throws Exception {
        corpus = Files.writeString(dir.resolve("text.txt"), "the cat sat on the mat. ".repeat(60));
    }

    private Map<String, String> settings() {
        // 1,440 characters in 15 examples cut by position: 14 (1,400 characters) train, so 1,399 predicted in 140 chunks
        // of 10 read as 8 runs of 18
        Map<String, String> s = new HashMap<>(Map.of("dataset", "text", "dataset.path", corpus.toString(),
                "dataset.chunk", "100", "tokenizer", "character", "cell", "gru", "embedding", "8", "hidden", "16",
                "epochs", "2", "batch", "8", "lr", "0.01"));
        s.put("bptt.stateful", "true");
        s.put("bptt.chunk", "10");
        s.put("samples", "0");
        return s;
    }

    @Test
    void aStatefulRunTrainsOnChunksInTextOrderAndRepeatsBitForBitUnderItsSeed() throws Exception {
        RecordingBus bus = new RecordingBus();
        RunResult a = TrainerTest.train("bptt", settings(), dir.resolve("a"), bus, false);
        RunResult b = TrainerTest.train("bptt", settings(), dir.resolve("b"), new RecordingBus(), false);
        assertThat(a.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bus.of(BatchCompleted.class)).first().extracting(BatchCompleted::batches).isEqualTo(18);
        // 11 characters after "the cat sa" repeat every 24: the model is far below the uniform ln 14 = 2.6 nats
        assertThat(a.finalMetrics().get("val.nats_per_token")).isLessThan(1.5);
        assertThat(a.finalMetrics()).isEqualTo(b.finalMetrics());
        assertThat(TrainerTest.modelBytes(dir.resolve("a"))).isEqualTo(TrainerTest.modelBytes(dir.resolve("b")));
    }

    @Test
    void earlySamplesAreDrawnAfterBatchesKAnd4KOfTheFirstEpochBesideThoseAfterEachEpoch() throws Exception {
        Map<String, String> s = settings();
        s.put("samples", "1");
        s.put("samples.early", "2");
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", s, dir.resolve("e"), bus, false);
        // 18 batches per epoch: after batches 2 and 8 (32 is past the epoch's end), then after epochs 1 and 2
        assertThat(bus.of(org.rnnlab.api.event.Samples.class)).extracting(org.rnnlab.api.event.Samples::when)
                .containsExactly("epoch 1, batch 2", "epoch 1, batch 8", "epoch 1", "epoch 2");
    }

    @Test
    void truncationByTbpttOrATaskThatIsNotALanguageModelIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TrainerTest.train("tbptt", settings(), dir.resolve("t"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bptt.stateful");
        Map<String, String> adding = new HashMap<>(TrainerTest.adding("gru", 1));
        adding.put("bptt.stateful", "true");
        assertThatThrownBy(() -> TrainerTest.train("bptt", adding, dir.resolve("c"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bptt.stateful");
    }
}
