package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.Task;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.InputWindow;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.data.Batcher;

/**
 * Running text for stateful training: the stream is the text, pieces are consecutive, and a piece read
 * from the state the piece before left gives exactly what one forward pass over both gives.
 */
class StreamDataTest {
    private static final TestComponents COMPONENTS = new TestComponents();
    /** Three examples that are consecutive pieces of one text, as the shakespeare datasets cut theirs. */
    private static final String TEXT = "to be, or not to be: that is the question. whether 'tis nobler in the mind";

    private static EncodedData encoded(String tokenizerId, Map<String, String> options) {
        List<Example> train = new ArrayList<>();
        for (int at = 0; at < TEXT.length(); at += 25) {
            train.add(TextExample.unlabelled(TEXT.substring(at, Math.min(TEXT.length(), at + 25))));
        }
        Dataset dataset = new Dataset("t", "t", TaskKind.LANGUAGE_MODELLING, train, List.of(train.getLast()), List.of(),
                List.of(), Map.of());
        TokenizerFactory factory = COMPONENTS.get(ComponentKind.TOKENIZER, tokenizerId);
        Tokenizer tokenizer = factory.create(Settings.of(options));
        Vocabulary vocabulary = tokenizer.fit(dataset.trainingTexts());
        return new EncodedData(dataset, new Task.FittedTokenizer(tokenizerId, options, tokenizer, vocabulary));
    }

    @Test
    void theStreamIsTheTextWithoutBeginOrEndTokensCutIntoPiecesThatPredictTheNextToken() {
        EncodedData data = encoded("character", Map.of());
        StreamData stream = new StreamData(data, 10);
        int[] ids = stream.stream("train");
        assertThat(ids).hasSize(TEXT.length()).doesNotContain(Vocabulary.BOS, Vocabulary.EOS);
        assertThat(data.tokenizer().join(Arrays.stream(ids).mapToObj(data.vocabulary()::token).toList())).isEqualTo(TEXT);
        // 74 tokens predict 73: seven pieces of 10 and one of 3
        assertThat(stream.lengths("train")).containsExactly(10, 10, 10, 10, 10, 10, 10, 3);
        ModelBatch b = stream.batch("train", new Batch(new int[] {1, 7}, 10));
        int[] targets = ((org.rnnlab.model.Targets.StepClasses) b.targets()).classes();
        for (int t = 0; t < 10; t++) {
            assertThat(((org.rnnlab.model.ModelInput.Ids) b.input()).ids().at(t, 0)).isEqualTo(ids[10 + t]);
            assertThat(targets[t * 2]).isEqualTo(ids[11 + t]);
        }
        // the last piece: 3 real steps, then padding that no loss counts
        assertThat(b.lossTerms()).isEqualTo(13);
    }

    @Test
    void aWindowReadsBackOverThePieceStartThroughMaskedContextSteps() {
        EncodedData data = encoded("fixed-window", Map.of("window", "3"));
        assertThat(data.window()).isEqualTo(new InputWindow(3, true));
        StreamData stream = new StreamData(data, 4);
        int[] ids = stream.stream("train");
        ModelBatch b = stream.batch("train", new Batch(new int[] {0, 2}, 4));
        org.rnnlab.api.data.PaddedIds in = ((org.rnnlab.model.ModelInput.Ids) b.input()).ids();
        assertThat(in.steps()).isEqualTo(6);
        // piece 0 has <pad> before the stream's start; piece 2 the two tokens before position 8
        assertThat(new int[] {in.at(0, 0), in.at(1, 0), in.at(2, 0)}).containsExactly(Vocabulary.PAD, Vocabulary.PAD, ids[0]);
        assertThat(new int[] {in.at(0, 1), in.at(1, 1), in.at(2, 1)}).containsExactly(ids[6], ids[7], ids[8]);
        assertThat(Arrays.copyOfRange(in.mask(), 0, 4)).containsOnly(0f);
        assertThat(b.lossTerms()).isEqualTo(8);
    }

    /**
     * The exact check of carrying: the loss of piece 2 read from the state piece 1 left, plus piece 1's own
     * loss, is the loss of one forward pass over both pieces; and the carried state is that pass's final
     * state. Float32 sums of 20 terms in another grouping: relative 1e-6.
     */
    @Test
    void aPieceReadFromTheCarriedStateLosesWhatTheUnchunkedSequenceLosesOnItsSecondHalf() {
        for (String cell : List.of("lstm", "gru", "rnn")) {
            EncodedData data = encoded("character", Map.of());
            SequenceModel model = SequenceModel.create(COMPONENTS.get(ComponentKind.CELL, cell),
                    new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, data.inputSize(), 8, data.outputs(), cell, 16, 2,
                            Map.of(), true), new SplittableRandom(5));
            StreamData halves = new StreamData(data, 10);
            StreamData whole = new StreamData(data, 20);
            SequenceModel.Predictions first = model.evaluate(halves.batch("train", new Batch(new int[] {0}, 10)), List.of());
            SequenceModel.Predictions second = model.evaluate(halves.batch("train", new Batch(new int[] {1}, 10)),
                    first.finalStates());
            SequenceModel.Predictions both = model.evaluate(whole.batch("train", new Batch(new int[] {0}, 20)), List.of());
            assertThat(second.lossSum()).as(cell).isCloseTo(both.lossSum() - first.lossSum(),
                    org.assertj.core.api.Assertions.within(1e-6 * both.lossSum()));
            assertThat(Arrays.copyOfRange(both.predicted(), 10, 20)).as(cell).containsExactly(second.predicted());
            for (int s = 0; s < both.finalStates().size(); s++) {
                assertThat(second.finalStates().get(s).toArray()).as(cell)
                        .containsExactly(both.finalStates().get(s).toArray(), org.assertj.core.api.Assertions.within(1e-6f));
            }
        }
    }

    @Test
    void trainingCarriesTheStateFromBatchToBatchAndStartsEachEpochFromZero() {
        EncodedData data = encoded("character", Map.of());
        SequenceModel model = SequenceModel.create(COMPONENTS.get(ComponentKind.CELL, "gru"),
                new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, data.inputSize(), 8, data.outputs(), "gru", 16, 1,
                        Map.of(), true), new SplittableRandom(5));
        StreamData stream = new StreamData(data, 10);
        List<Batch> batches = new Batcher(3).strided(stream.lengths("train"));
        assertThat(stream.carried(batches.getFirst())).isEmpty();
        List<List<Tensor>> seen = new ArrayList<>();
        for (Batch b : batches) {
            seen.add(stream.carried(b));
            stream.train(model, b, false, (loss, terms, norms) -> true);
        }
        // batch 1 starts where batch 0 ended: rows cut to the batch, values from the state of batch 0
        assertThat(seen.get(1)).hasSize(1);
        assertThat(seen.get(1).getFirst().dim(0)).isEqualTo(batches.get(1).size());
        assertThat(seen.get(1).getFirst().toArray()).isNotEqualTo(new float[seen.get(1).getFirst().size()]);
        // a new epoch starts from zeros again
        assertThat(stream.carried(batches.getFirst())).isEmpty();
        // a step the trainer refused (divergence) carries nothing on
        Batch last = batches.getLast();
        List<Tensor> before = stream.carried(last);
        stream.train(model, last, false, (loss, terms, norms) -> false);
        assertThat(stream.carried(last).getFirst().toArray()).containsExactly(before.getFirst().toArray());
    }

    @Test
    void dataThatIsNotRunningTextIsRefusedNamingTheSetting() {
        Dataset adding = COMPONENTS.get(ComponentKind.DATASET, "adding")
                .load(Settings.of(Map.of("length", "5", "count", "8", "validation", "0", "test", "0")), 7);
        assertThatThrownBy(() -> new StreamData(new EncodedData(adding, null), 5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bptt.stateful");
    }
}
