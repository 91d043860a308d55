package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.model.WordVectors;
import org.rnnlab.runtime.ModelFileCodec;

/** The word2vec task end to end through the runtime's pipeline, on the generated {@code word-classes} corpus. */
class Word2VecTaskTest {
    /** The grammar's animals (WordClassesDataset, whose package the datasets plugin does not export). */
    private static final List<String> ANIMALS = List.of("fox", "cat", "dog", "horse", "mouse", "rabbit", "bird", "cow",
            "sheep", "goat");

    @TempDir
    Path dir;

    static Map<String, String> settings(String model, int epochs) {
        Map<String, String> s = new HashMap<>();
        s.put("dataset", "word-classes");
        s.put("dataset.count", "1500");
        s.put("dataset.validation", "100");
        s.put("task", "word2vec");
        s.put("word2vec.model", model);
        s.put("word2vec.dimension", "24");
        s.put("word2vec.sample", "0.01");
        s.put("word2vec.probes", "fox,red,garden");
        s.put("optimizer", "sgd");
        s.put("epochs", Integer.toString(epochs));
        s.put("batch", "100");
        s.put("samples", "3");
        return s;
    }

    @Test
    void skipGramLearnsTheClassesWithEpochLossesSamplesAndAVectorsFile() throws Exception {
        RecordingBus bus = new RecordingBus();
        RunResult result = TrainerTest.train("bptt", settings("skipgram", 3), dir.resolve("run"), bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        List<EpochCompleted> epochs = bus.of(EpochCompleted.class);
        assertThat(epochs).hasSize(3);
        // a uniform guess over 1 + 5 logistic terms is 6 ln 2 = 4.16 nats per pair
        assertThat(epochs.getFirst().metrics().get("train.loss")).isLessThan(6 * Math.log(2));
        assertThat(epochs.getLast().metrics().get("val.loss")).isLessThan(epochs.getFirst().metrics().get("val.loss"));
        assertThat(result.finalMetrics().get("val.purity")).as("%s", result.finalMetrics()).isGreaterThan(0.8);
        Samples samples = bus.of(Samples.class).getLast();
        assertThat(samples.samples()).hasSize(3);
        assertThat(samples.samples().getFirst()).startsWith("fox:");
        // the report's map of the input table (the vectors word2vec keeps), with the probe words marked
        org.rnnlab.api.event.EmbeddingMap map = bus.of(org.rnnlab.api.event.EmbeddingMap.class).getLast();
        assertThat(map.table()).isEqualTo("input");
        assertThat(map.words()).contains("fox", "meadow");
        assertThat(map.probes()).isNotEmpty();

        Path run = dir.resolve("run");
        WordVectors vectors = WordVectors.read(run.resolve(Word2VecTask.VECTORS_FILE));
        // 46 words in the grammar, all seen at least 5 times in 1500 sentences
        assertThat(vectors.words()).hasSize(46).contains("fox", "meadow", "the");
        assertThat(vectors.dimension()).isEqualTo(24);
        ModelFileCodec.Saved saved = ModelFileCodec.read(run.resolve(ModelFile.FILE_NAME), new TestComponents());
        assertThat(saved.file().metadata()).containsEntry("word2vec.model", "skipgram").containsEntry("word2vec.window", "5");
        Word2VecTaskModel rebuilt = (Word2VecTaskModel) saved.rebuild(new TestComponents());
        assertThat(rebuilt.vectors().vectors()).containsExactly(vectors.vectors());
        assertThat(rebuilt.vectors().words()).isEqualTo(vectors.words());
        // the animals are interchangeable in the grammar: fox's neighbours are animals
        assertThat(rebuilt.neighboursText(rebuilt.words().indexOf("fox")).split("[:,] ")).hasSize(6)
                .allMatch(part -> ANIMALS.contains(part.split(" ")[0]));
    }

    @Test
    void cbowTrainsToo() throws Exception {
        Map<String, String> s = settings("cbow", 3);
        // the C tool's rate for CBOW
        s.put("word2vec.lr", "0.05");
        RunResult result = TrainerTest.train("bptt", s, dir.resolve("cbow"), new RecordingBus(), false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.finalMetrics().get("val.purity")).as("%s", result.finalMetrics()).isGreaterThan(0.8);
    }

    @Test
    void theSameSeedGivesByteIdenticalVectors() throws Exception {
        for (String model : List.of("skipgram", "cbow")) {
            Map<String, String> s = settings(model, 2);
            TrainerTest.train("bptt", s, dir.resolve(model + "-a"), new RecordingBus(), false);
            TrainerTest.train("bptt", s, dir.resolve(model + "-b"), new RecordingBus(), false);
            for (String file : List.of(Word2VecTask.VECTORS_FILE, ModelFile.FILE_NAME)) {
                assertThat(Files.readAllBytes(dir.resolve(model + "-a").resolve(file))).as(model + " " + file)
                        .isEqualTo(Files.readAllBytes(dir.resolve(model + "-b").resolve(file)));
            }
        }
    }
}
