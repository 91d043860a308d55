package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's tab-separated sentence pairs end to end in the real application: {@code lab run translation}
 * trains and reports, {@code lab translate} reads the saved model back (greedy, beam, attention heatmap),
 * and a malformed file is refused naming file and line before anything trains.
 */
class TranslateIT {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    /** 400 pairs of a toy language: each word reversed, in the Anki layout with an attribution column. */
    private Path pairs() throws Exception {
        String[] words = {"cat", "dog", "sun", "moon", "tree", "fish", "bird", "rain"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String source = words[i % 8] + " " + words[(i / 8) % 8];
            String target = new StringBuilder(source).reverse().toString();
            b.append(source).append('\t').append(target).append("\tCC-BY 2.0 #").append(i).append('\n');
        }
        return Files.writeString(dir.resolve("pairs.tsv"), b.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aUserFileOfPairsTrainsReportsAndTranslates() throws Exception {
        Path file = pairs();
        Path runs = dir.resolve("runs");
        LabProcess.Result run = LabProcess.lab(LIMIT, "run", "translation", "--quick", "--set", "dataset.path=" + file,
                "--out", runs.toString());
        assertThat(run.exit()).as("%s\n%s", run.out(), run.err()).isZero();
        Path folder;
        try (Stream<Path> s = Files.list(runs.resolve("translation"))) {
            folder = s.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("comparison.html")).isRegularFile();
        assertThat(Files.readString(folder.resolve("summary.csv"))).contains("additive_s1").contains("none_s1");
        Path model = folder.resolve("additive_s1").resolve("model.safetensors");
        assertThat(model.resolveSibling("source-vocabulary.txt")).isRegularFile();

        LabProcess.Result greedy = LabProcess.lab("translate", model.toString(), "cat dog");
        assertThat(greedy.exit()).as(greedy.err()).isZero();
        assertThat(greedy.out().strip()).isNotEmpty();
        LabProcess.Result again = LabProcess.lab("translate", model.toString(), "cat dog", "--beam", "1");
        assertThat(again.out()).isEqualTo(greedy.out());
        LabProcess.Result beam = LabProcess.lab("translate", model.toString(), "cat dog", "--beam", "5", "--attention");
        assertThat(beam.exit()).as(beam.err()).isZero();
        // the output line, the header of source characters, one row per output token (<eos> included)
        assertThat(beam.out().lines().toList().get(1)).contains("|cat_dog|");

        LabProcess.Result notPairs = LabProcess.lab("translate", dir.resolve("nowhere.safetensors").toString(), "x");
        assertThat(notPairs.exit()).isNotZero();
        assertThat(notPairs.err()).contains("nowhere.safetensors");
    }

    @Test
    void aMalformedFileIsRefusedNamingFileAndLineBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.tsv"), "a\tb\nc d\n", StandardCharsets.UTF_8);
        LabProcess.Result run = LabProcess.lab(LIMIT, "run", "translation", "--quick", "--set", "dataset.path=" + file,
                "--out", dir.resolve("runs").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.out() + run.err()).contains(file + " line 2: no tab between source and target");
    }

    @Test
    void theTasksSettingsAreDescribedAndBadValuesRefusedBeforeAnyRunFolder() throws Exception {
        LabProcess.Result described = LabProcess.lab("describe", "task", "sequence-to-sequence");
        assertThat(described.exit()).as(described.err()).isZero();
        assertThat(described.out()).contains("attention", "attention.size", "decode.max_length", "beam.width", "beam.alpha",
                "source.tokenizer", "target.tokenizer", "none|additive|general|dot");

        Path file = pairs();
        Path out = dir.resolve("runs");
        LabProcess.Result run = LabProcess.lab(LIMIT, "run", "translation", "--quick", "--set", "dataset.path=" + file,
                "--set", "attention=bahdanau", "--set", "beam.width=0", "--set", "source.tokenizer=bpe",
                "--set", "dataset.max_words=-1", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("lab: 4 problems:",
                "setting 'attention' must be one of none, additive, general, dot but was 'bahdanau'",
                "setting 'beam.width' must be",
                "setting 'source.tokenizer': unknown tokenizer 'bpe'",
                "setting 'dataset.max_words' must not be negative but was '-1'").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
