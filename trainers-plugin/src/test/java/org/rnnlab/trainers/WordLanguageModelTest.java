package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.runtime.ModelFileCodec;

/**
 * Language models that read a window of words (fixed-window, bag-of-words) through the pipeline, on a
 * corpus where only the order of two words tells the third: every line is "p q r" or "q p s". Predicting
 * the four tokens of a line (three words and the end) costs ln 2 for the first word in any case; a model
 * that knows the order of the last words is then certain, one that sees them as a bag must guess between r
 * and s. The best validation perplexities are therefore exp(ln 2 / 4) = 1.19 (ordered) and
 * exp(2 ln 2 / 4) = 1.41 (bag).
 */
class WordLanguageModelTest {
    @TempDir
    Path dir;
    private Path corpus;

    @BeforeEach
    void writeCorpus() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            lines.add(random.nextBoolean() ? "p q r" : "q p s");
        }
        corpus = Files.write(dir.resolve("corpus.txt"), lines);
    }

    private Map<String, String> settings(String tokenizer) {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "text", "dataset.path", corpus.toString(),
                "tokenizer", tokenizer, "tokenizer.window", "3", "cell", "dense", "embedding", "4", "hidden", "8",
                "epochs", "25", "batch", "16", "lr", "0.03"));
        s.put("samples", "0");
        s.put("clip", "5");
        return s;
    }

    @Test
    void theFixedWindowReadsTheOrderThatTheBagLoses() throws Exception {
        RunResult window = TrainerTest.train("bptt", settings("fixed-window"), dir.resolve("window"), new RecordingBus(), false);
        RunResult bag = TrainerTest.train("bptt", settings("bag-of-words"), dir.resolve("bag"), new RecordingBus(), false);
        assertThat(window.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bag.status()).isEqualTo(RunStatus.COMPLETED);
        // bounds halfway between the two optima (1.19 and 1.41, class comment)
        assertThat(window.finalMetrics().get("val.perplexity")).isBetween(1.18, 1.3);
        assertThat(bag.finalMetrics().get("val.perplexity")).isBetween(1.3, 1.6);
    }

    @Test
    void theSavedModelGeneratesWithItsWindowAndTheSameSeedGivesTheSameFile() throws Exception {
        TrainerTest.train("bptt", settings("fixed-window"), dir.resolve("a"), new RecordingBus(), false);
        TrainerTest.train("bptt", settings("fixed-window"), dir.resolve("b"), new RecordingBus(), false);
        assertThat(TrainerTest.modelBytes(dir.resolve("a"))).isEqualTo(TrainerTest.modelBytes(dir.resolve("b")));

        TestComponents registry = new TestComponents();
        ModelFileCodec.Saved saved = ModelFileCodec.read(dir.resolve("a").resolve(ModelFile.FILE_NAME), registry);
        List<String> samples = saved.task().samples(saved.rebuild(registry), new SampleRequest(20, 0.2, 0, "", 6),
                new SplittableRandom(1));
        // the third word follows the order of the first two, which only a window carried from step to step knows
        assertThat(samples).hasSize(20).allMatch(s -> s.equals("p q r") || s.equals("q p s"), "lines of the grammar");
    }

    @Test
    void aBagOfWordsLanguageModelWithoutWindowIsRefusedNamingTheSetting() {
        Map<String, String> s = settings("bag-of-words");
        s.remove("tokenizer.window");
        assertThatThrownBy(() -> TrainerTest.train("bptt", s, dir, new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bag-of-words.window");
    }
}
