package org.rnnlab.experiments.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.experiments.cli.LabProcess;

/**
 * Every built-in lesson with {@code lab run NAME --quick} in a child process on the module path, checked
 * for the direction of its effect in {@code summary.csv}: the smoke-test version of what the defaults show
 * in full (see the README's table of lessons). Thresholds are set well inside the margins seen over seeds
 * 1-3, so a slower or faster machine, or another seed, does not flip them; each is justified where it is.
 */
class LessonsIT {
    /** A quick lesson costs seconds of CPU; the limit only stops a hang on a heavily shared machine. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path out;

    static {
        // lab itself writes no MIDI (the task does); this test reads the sampled files with javax.sound.midi
        LessonsIT.class.getModule().addReads(ModuleLayer.boot().findModule("java.desktop").orElseThrow());
    }

    /** The rows of the quick run's {@code summary.csv} by variant name, after checking every run ended normally. */
    private Map<String, CSVRecord> quickRun(String lesson, String... more) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("run", lesson, "--quick", "--out", out.toString()));
        args.addAll(List.of(more));
        LabProcess.Result r = LabProcess.lab(LIMIT, args.toArray(String[]::new));
        assertThat(r.exit()).as("lab run %s --quick\n%s\n%s", lesson, r.out(), r.err()).isZero();
        Path runDirectory;
        try (var s = Files.list(out.resolve(lesson))) {
            runDirectory = s.findFirst().orElseThrow();
        }
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(runDirectory.resolve("summary.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                rows.put(row.get("variant"), row);
            }
        }
        rows.values().forEach(row -> assertThat(row.get("status")).as(row.get("variant"))
                .isIn("COMPLETED", "STOPPED_EARLY"));
        return rows;
    }

    private static double metric(Map<String, CSVRecord> rows, String variant, String column) {
        assertThat(rows).as("variants").containsKey(variant);
        String value = rows.get(variant).get(column);
        assertThat(value).as("%s of %s", column, variant).isNotBlank();
        return Double.parseDouble(value);
    }

    @Test
    void helloLearnsToSayHello() throws Exception {
        Map<String, CSVRecord> rows = quickRun("hello");

        // "hello" is deterministic after the first letter: a learned model is near 0 nats per character,
        // guessing among its 4 letters and the end of the word would be ln 5 = 1.6
        assertThat(metric(rows, "s1", "final.val.nats_per_token")).isLessThan(0.05);
    }

    @Test
    void dinosaursEveryCellBeatsTheUnigramModel() throws Exception {
        Map<String, CSVRecord> rows = quickRun("dinosaurs");

        // unigram 2.81 and uniform 3.30 nats per character on these names (SOURCES.md of the datasets);
        // the full run reaches about 1.5-1.76, a quick one 1.82-1.99 over seeds 1-3
        for (String cell : List.of("rnn", "lstm", "gru")) {
            assertThat(metric(rows, cell + "_s1", "final.val.nats_per_token")).as(cell).isLessThan(2.5);
        }
    }

    @Test
    void dinosaursDropoutNarrowsTheGapBetweenTrainingAndValidationLoss() throws Exception {
        Map<String, CSVRecord> rows = quickRun("dinosaurs-dropout", "--seeds", "1");

        // quick run (12 epochs, hidden 96), seed 1: without dropout train.loss 1.500, validation 1.680 (gap 0.18);
        // with dropout train.loss 1.683 (dropout on), validation 1.699 (gap 0.02). Half the measured narrowing.
        double plain = metric(rows, "none_s1", "final.val.loss") - metric(rows, "none_s1", "final.train.loss");
        double dropped = metric(rows, "dropout_s1", "final.val.loss") - metric(rows, "dropout_s1", "final.train.loss");
        assertThat(dropped).as("gap with dropout, without: %s", plain).isLessThan(plain - 0.08);
        assertThat(rows.get("dropout_s1").get("setting.dropout.layers")).isEqualTo("0.3");
    }

    @Test
    void vanishingGradientsTheGatedCellsBeatTheTanhRnn() throws Exception {
        Map<String, CSVRecord> rows = quickRun("vanishing-gradients");

        double rnn = metric(rows, "rnn_s1", "final.val.mse");
        // guessing 1 gives MSE 1/6 = 0.167: the tanh rnn stays near it (0.16-0.18 over seeds 1-3), while the
        // quick lstm and gru reach 2e-4 to 3e-4
        assertThat(rnn).isGreaterThan(0.1);
        for (String cell : List.of("lstm", "gru")) {
            assertThat(metric(rows, cell + "_s1", "final.val.mse")).as(cell).isLessThan(rnn / 2);
        }
    }

    @Test
    void musicTheGatedCellsMatchOrBeatTheTanhRnn() throws Exception {
        Map<String, CSVRecord> rows = quickRun("music");
        double rnn = metric(rows, "rnn_s1", "final.test.nll_per_step");
        // an untrained model is near 88 ln 2 = 61 nats per step and predicting silence costs about 17; the
        // full lesson reaches 8.5-8.7 (Chung et al. 2014: GRU 8.54)
        assertThat(rnn).isLessThan(10);
        for (String cell : List.of("lstm", "gru")) {
            // "match": within 0.05 nats per step of the rnn, a tenth of the spread between the cells after 30 epochs
            assertThat(metric(rows, cell + "_s1", "final.test.nll_per_step")).as(cell).isLessThan(rnn + 0.05);
            assertThat(metric(rows, cell + "_s1", "final.test.f1")).as(cell + " frame F1").isGreaterThan(0.3);
        }
        Path run;
        try (var s = Files.list(out.resolve("music"))) {
            run = s.findFirst().orElseThrow();
        }
        // sampled chorales: one step per word, MIDI notes of the 88 keys joined by dots, - for a rest
        for (String line : Files.readAllLines(run.resolve("gru_s1").resolve("samples.csv")).subList(1, 3)) {
            String text = line.substring(line.lastIndexOf(',') + 1);
            assertThat(text.split(" ")).hasSize(32).allMatch(step -> step.matches("-|\\d+(\\.\\d+)*"));
        }
        // the sizes of the paper's table, as PyTorch counts them (MusicLesson): about 20,000 parameters each
        assertThat(metric(rows, "rnn_s1", "final.model.parameters")).isEqualTo(20728);
        assertThat(metric(rows, "lstm_s1", "final.model.parameters")).isEqualTo(19944);
        assertThat(metric(rows, "gru_s1", "final.model.parameters")).isEqualTo(20416);
        // sampling writes valid MIDI files: javax.sound.midi reads each of the last epoch's two samples of 32
        // quarter notes (240 ticks each), with notes in them
        for (String variant : List.of("rnn_s1", "lstm_s1", "gru_s1")) {
            for (int i = 1; i <= 2; i++) {
                Sequence midi = MidiSystem.getSequence(run.resolve(variant).resolve("samples/sample-" + i + ".mid").toFile());
                assertThat(midi.getTickLength()).as("%s sample %d", variant, i).isEqualTo(32L * 240);
                long notes = 0;
                for (int e = 0; e < midi.getTracks()[0].size(); e++) {
                    notes += midi.getTracks()[0].get(e).getMessage() instanceof ShortMessage m
                            && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0 ? 1 : 0;
                }
                assertThat(notes).as("%s sample %d", variant, i).isPositive();
            }
        }
    }

    @Test
    void orderMattersOnlyTheRecurrentCellsReadTheOrder() throws Exception {
        Map<String, CSVRecord> rows = quickRun("order-matters");

        // chance is 0.5; the test split holds 500 sequences, so 0.6 is 4.5 standard deviations above chance
        assertThat(metric(rows, "bag-of-words_s1", "final.test.accuracy")).isLessThan(0.6);
        for (String cell : List.of("rnn", "lstm")) {
            assertThat(metric(rows, cell + "_s1", "final.test.accuracy")).as(cell).isGreaterThan(0.9);
        }
    }

    @Test
    void sentimentTheBestModelIsWellAboveChance() throws Exception {
        Map<String, CSVRecord> rows = quickRun("sentiment");

        // 300 balanced test sentences: chance is 0.5 with a standard deviation of 0.029, so 0.7 is 7 of them
        // above it; the quick bag of words reached 0.80-0.83 over seeds 1-2
        double best = rows.keySet().stream().mapToDouble(v -> metric(rows, v, "final.test.accuracy")).max().orElseThrow();
        assertThat(best).isGreaterThan(0.7);
    }

    @Test
    void shakespeareBothCellsBeatTheUnigramModel() throws Exception {
        Map<String, CSVRecord> rows = quickRun("shakespeare");

        // on the last tenth of tiny-shakespeare a unigram model scores 3.35 nats per character, uniform 4.17
        for (String cell : List.of("gru", "lstm")) {
            assertThat(metric(rows, cell + "_s1", "final.val.nats_per_token")).as(cell).isLessThan(3.0);
        }
    }

    @Test
    void wordBoundariesEveryBidirectionalCellBeatsItsUnidirectionalSelf() throws Exception {
        Map<String, CSVRecord> rows = quickRun("word-boundaries");

        // boundary F1 (the tag 'space') on the 300 test lines of the first 3,000: reading ahead settles where a
        // word ends, so each cell both ways beats itself one way. Seed 1 gave rnn 0.63 -> 0.74, lstm 0.56 -> 0.72,
        // gru 0.66 -> 0.75 (with the peer's batch 64 and lr 3e-3 the gaps were 0.09-0.28, same direction)
        for (String cell : List.of("rnn", "lstm", "gru")) {
            double uni = metric(rows, cell + "_uni_s1", "final.test.f1.space");
            double bi = metric(rows, cell + "_bi_s1", "final.test.f1.space");
            assertThat(bi).as(cell).isGreaterThan(uni);
        }
    }

    @Test
    void embeddingsSkipGramPutsEachWordAmongItsClassAndATrainedEmbeddingBeatsAFrozenOne() throws Exception {
        // one seed of the three the full lesson runs
        Map<String, CSVRecord> rows = quickRun("embeddings", "--seeds", "1");

        // the generated corpus's classes hold 6 to 10 words, so 5 neighbours drawn at random would be of the
        // word's class about 15% of the time; the quick run reached 1.00 (seed 1), the issue asks 0.9
        assertThat(metric(rows, "generated_s1", "final.val.purity")).isGreaterThanOrEqualTo(0.9);
        // the real corpus has no classes; its held-out loss is below a uniform guess, 6 ln 2 = 4.16 per pair
        assertThat(metric(rows, "shakespeare_s1", "final.val.loss")).isLessThan(6 * Math.log(2));
        // sentiment, 2 quick epochs (seed 1): random 0.68, skip-gram trained 0.70, frozen 0.51 of 300 test
        // sentences (a standard error of about 0.027); chance is 0.5
        assertThat(metric(rows, "sentiment-random_s1", "final.test.accuracy")).isGreaterThan(0.6);
        double trained = metric(rows, "sentiment-skipgram_s1", "final.test.accuracy");
        assertThat(trained).isGreaterThan(0.6);
        assertThat(metric(rows, "sentiment-skipgram-frozen_s1", "final.test.accuracy")).isLessThan(trained - 0.1);
        Path run;
        try (var s = Files.list(out.resolve("embeddings"))) {
            run = s.findFirst().orElseThrow();
        }
        // the pretraining is recorded: what skip-gram read, and how many of the vocabulary's rows it gave
        assertThat(Files.readString(run.resolve("events.jsonl"))).contains("\"event\":\"EmbeddingImported\"")
                .contains("skipgram on train of sentiment (33,180 words), 5 epochs");
    }

    @Test
    void datesAttentionBeatsNoAttention() throws Exception {
        Map<String, CSVRecord> rows = quickRun("dates");

        // 3,000 pairs, 4 epochs, gru 32 (16 per direction of the bidirectional encoder): without attention no
        // date comes out whole yet (seed 1: exact 0.000, characters 0.573); additive 0.341 and 0.887, dot 0.476
        // and 0.903 (unidirectional: 0.30/0.88 and 0.58/0.92; only seed 1 measured)
        double none = metric(rows, "none_s1", "final.test.exact_match");
        for (String attention : List.of("additive", "dot")) {
            assertThat(metric(rows, attention + "_s1", "final.test.exact_match")).as(attention).isGreaterThan(none + 0.1);
            assertThat(metric(rows, attention + "_s1", "final.test.char_accuracy")).as(attention)
                    .isGreaterThan(metric(rows, "none_s1", "final.test.char_accuracy") + 0.1);
        }
    }

    @Test
    void nextWordTheBagOfWordsIsFarBehindEveryModelThatReadsTheOrder() throws Exception {
        // one seed of the three the full lesson runs: five word-level models of one epoch each
        Map<String, CSVRecord> rows = quickRun("next-word", "--seeds", "1");

        // read as running text (bptt.stateful, chunks of 35), PyTorch on the same data and sizes stood after one
        // epoch at 135 for the bag, 95 for the fixed window and 102 for the gru (hidden 128; 146 and 106-122 at
        // hidden 64; experiments/tools/next_word_reference.py --stream 35, seed 1). A 10% margin is far outside what a seed moves, and far below the 2,000 of a uniform guess
        double bag = metric(rows, "bag-of-words_s1", "final.val.perplexity");
        assertThat(bag).isLessThan(300);
        for (String model : List.of("fixed-window", "rnn", "lstm", "gru")) {
            assertThat(metric(rows, model + "_s1", "final.val.perplexity")).as(model).isLessThan(bag / 1.1);
        }
    }
}
