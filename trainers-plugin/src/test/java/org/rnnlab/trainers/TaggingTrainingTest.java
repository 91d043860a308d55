package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.TokenTagger;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.runtime.ModelFileCodec;

/** The tagging task end to end through the runtime's pipeline, on a CoNLL file written here. */
class TaggingTrainingTest {
    /** Six sentences, person names in B-PER/I-PER, everything else O. */
    static final String PEOPLE = """
            Harry B-PER
            Potter I-PER
            met O
            Ron B-PER
            . O

            Hermione B-PER
            Granger I-PER
            read O
            a O
            book O

            the O
            spell O
            hit O
            Draco B-PER
            Malfoy I-PER

            Albus B-PER
            Percival I-PER
            Dumbledore I-PER
            smiled O

            Ron B-PER
            and O
            Harry B-PER
            left O

            nobody O
            came O
            . O
            """;

    @TempDir
    Path dir;

    private Map<String, String> settings(Path file, boolean bidirectional) {
        Map<String, String> s = new HashMap<>();
        s.put("dataset", "conll");
        s.put("dataset.path", file.toString());
        // evaluated on its own training data
        s.put("dataset.validation_path", file.toString());
        s.put("dataset.test_path", file.toString());
        s.put("tokenizer", "whitespace");
        s.put("cell", "lstm");
        s.put("bidirectional", Boolean.toString(bidirectional));
        s.put("embedding", "8");
        s.put("hidden", "16");
        s.put("epochs", "60");
        s.put("batch", "2");
        s.put("lr", "0.02");
        s.put("clip", "5");
        s.put("samples", "2");
        return s;
    }

    @Test
    void aSmallConllFileTrainsToSpanF1OneWithPerTagFigures() throws Exception {
        Path file = Files.writeString(dir.resolve("people.conll"), PEOPLE);
        RecordingBus bus = new RecordingBus();
        RunResult result = TrainerTest.train("bptt", settings(file, true), dir.resolve("run"), bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        Map<String, Double> m = result.finalMetrics();
        assertThat(m.get("test.span_f1")).as("%s", m).isEqualTo(1.0);
        assertThat(m).containsEntry("test.f1.B-PER", 1.0).containsEntry("test.f1.I-PER", 1.0).containsEntry("test.f1.O", 1.0)
                .containsKeys("test.span_precision", "test.span_recall", "val.span_f1", "test.accuracy");
        Evaluation ev = bus.of(Evaluation.class).getLast();
        assertThat(ev.labels()).containsExactly("B-PER", "I-PER", "O");
        // 26 tokens, all on the diagonal: what the report's per-label table reads
        assertThat(ev.counts()[0][0] + ev.counts()[1][1] + ev.counts()[2][2]).isEqualTo(26);
        Samples samples = bus.of(Samples.class).getLast();
        assertThat(samples.samples()).hasSize(3).element(1).asString().contains("/B-PER").doesNotContain("(true");

        Path model = dir.resolve("run").resolve(ModelFile.FILE_NAME);
        assertThat(model).exists();
        ModelFileCodec.Saved saved = ModelFileCodec.read(model, new TestComponents());
        assertThat(saved.file().metadata()).containsEntry("bidirectional", "true");
        assertThat(saved.file().tensors()).containsKey("weight_ih_l0_reverse");
        TokenTagger tagger = (TokenTagger) saved.rebuild(new TestComponents());
        assertThat(tagger.tag("Hermione Granger read a book")).extracting(TokenTagger.TaggedToken::tag)
                .containsExactly("B-PER", "I-PER", "O", "O", "O");
    }

    @Test
    void theSameSeedTrainsTheSameTaggerByteForByte() throws Exception {
        Path file = Files.writeString(dir.resolve("people.conll"), PEOPLE);
        Map<String, String> s = settings(file, true);
        s.put("epochs", "2");
        TrainerTest.train("bptt", s, dir.resolve("a"), new RecordingBus(), false);
        TrainerTest.train("bptt", s, dir.resolve("b"), new RecordingBus(), false);
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(ModelFile.FILE_NAME)))
                .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(ModelFile.FILE_NAME)));
    }

    @Test
    void aBidirectionalLanguageModelOrTruncatedTrainingIsRefused() throws Exception {
        Map<String, String> lm = new HashMap<>(Map.of("dataset", "hello", "tokenizer", "character", "cell", "gru",
                "hidden", "4", "epochs", "1", "bidirectional", "true"));
        assertThatThrownBy(() -> TrainerTest.train("bptt", lm, dir.resolve("lm"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sees every token it must predict");
        Path file = Files.writeString(dir.resolve("people.conll"), PEOPLE);
        Map<String, String> s = settings(file, true);
        s.put("epochs", "1");
        assertThatThrownBy(() -> TrainerTest.train("tbptt", s, dir.resolve("tb"), new RecordingBus(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("a reverse direction needs whole sequences");
    }
}
