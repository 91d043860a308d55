package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.model.WordVectors;

/** {@code embedding.init=skipgram}: vectors from the variant's own training text, deterministic under its seed. */
class SkipGramPretrainingTest {
    private static final List<String> GOOD = List.of("great", "fine", "lovely", "superb");
    private static final List<String> BAD = List.of("awful", "poor", "dull", "bland");
    private static final List<String> THINGS = List.of("food", "service", "film", "room", "staff");

    @TempDir
    Path dir;

    /** Reviews "the THING was WORD" with a label by the word; {@code twist} makes other sentences of the same words. */
    private static List<Example> reviews(int count, long seed, boolean twist) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean good = random.nextBoolean();
            List<String> words = good ? GOOD : BAD;
            String word = words.get(random.nextInt(words.size()));
            String thing = THINGS.get(random.nextInt(THINGS.size()));
            String text = twist ? word + " " + BAD.get(random.nextInt(BAD.size())) + " " + GOOD.get(random.nextInt(GOOD.size()))
                    + " the was " + thing : "the " + thing + " was " + word;
            out.add(new TextExample(text, good ? "pos" : "neg"));
        }
        return out;
    }

    private static Dataset dataset(List<Example> train, List<Example> heldOut) {
        return new Dataset("reviews", "test reviews", TaskKind.SEQUENCE_CLASSIFICATION, train, heldOut, heldOut,
                List.of("neg", "pos"), Map.of());
    }

    private static EncodedData encoded(Dataset dataset) {
        Tokenizer word = new TestComponents().get(ComponentKind.TOKENIZER, "word").create(Settings.of(Map.of()));
        return new EncodedData(dataset, new Task.FittedTokenizer("word", Map.of(), word, word.fit(dataset.trainingTexts())));
    }

    private static SkipGramPretraining.Pretrained pretrain(Dataset dataset, long seed) {
        Settings settings = SkipGramPretraining.SCHEMA.requireValues(Settings.of(Map.of("embedding.pretrain.epochs", "3")));
        return SkipGramPretraining.train(settings, encoded(dataset), new TestComponents(), seed, 12);
    }

    @Test
    void theSameSeedGivesTheSameVectorsBitForBitAndAnotherSeedOthers() {
        Dataset data = dataset(reviews(300, 1, false), reviews(40, 2, false));
        WordVectors a = pretrain(data, 7).vectors();
        WordVectors b = pretrain(data, 7).vectors();
        assertThat(a.words()).isEqualTo(b.words()).contains("great", "awful", "food");
        assertThat(a.vectors()).containsExactly(b.vectors());
        assertThat(a.dimension()).isEqualTo(12);
        assertThat(pretrain(data, 8).vectors().vectors()).isNotEqualTo(a.vectors());
        assertThat(pretrain(data, 7).description()).isEqualTo("skipgram on train of reviews (1,200 words), 3 epochs");
    }

    @Test
    void theHeldOutTextIsNeverRead() {
        List<Example> train = reviews(300, 1, false);
        WordVectors plain = pretrain(dataset(train, reviews(40, 2, false)), 7).vectors();
        // the same training split beside held-out text that puts the same words in other places
        WordVectors twisted = pretrain(dataset(train, reviews(400, 3, true)), 7).vectors();
        assertThat(twisted.words()).isEqualTo(plain.words());
        assertThat(twisted.vectors()).containsExactly(plain.vectors());
        // read as training text, that text would have moved the vectors: the comparison above can fail
        List<Example> more = new ArrayList<>(train);
        more.addAll(reviews(400, 3, true));
        assertThat(pretrain(dataset(more, reviews(40, 2, false)), 7).vectors().vectors()).isNotEqualTo(plain.vectors());
    }

    @Test
    void aVariantTrainsFromThePretrainedRowsAndTheSameSeedGivesTheSameModelFile() throws Exception {
        Map<String, String> s = new java.util.HashMap<>(Map.of("dataset", "sentiment", "tokenizer", "word", "cell", "gru",
                "embedding", "8", "hidden", "8", "epochs", "1", "batch", "64", "embedding.init", "skipgram",
                "embedding.pretrain.epochs", "1"));
        s.put("embedding.trainable", "false");
        RecordingBus bus = new RecordingBus();
        RunResult first = TrainerTest.train("bptt", s, dir.resolve("a"), bus, false);
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        EmbeddingImported imported = bus.of(EmbeddingImported.class).getFirst();
        assertThat(imported.file()).startsWith("skipgram on train of sentiment (").endsWith("words), 1 epochs");
        // every word of the vocabulary is in the training text; the four specials keep their seeded rows
        assertThat(imported.found()).isEqualTo(imported.words() - 4);
        assertThat(imported.trainable()).isFalse();
        TrainerTest.train("bptt", s, dir.resolve("b"), new RecordingBus(), false);
        assertThat(Files.readAllBytes(dir.resolve("b/model.safetensors")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/model.safetensors")));
    }
}
