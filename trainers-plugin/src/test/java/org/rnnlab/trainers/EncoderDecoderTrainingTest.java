package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.model.seq2seq.BeamSearch;
import org.rnnlab.model.seq2seq.GreedyDecoder;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.model.seq2seq.PairVocabularies;
import org.rnnlab.model.seq2seq.Translation;
import org.rnnlab.model.seq2seq.TranslationScores;
import org.rnnlab.api.train.Parameter;

/**
 * Encoder-decoders trained briefly on the dates data (3,000 pairs, 4 epochs, GRU 32): attention learns
 * the mapping where the plain encoder-decoder has barely started (the direction of the dates lesson), and
 * the decoders agree with each other on the trained model: beam width 1 is greedy decoding, and width 5
 * never finds a less probable output than greedy.
 */
class EncoderDecoderTrainingTest {
    private static Dataset dates;
    private static List<PairExample> test;
    private static PairTraining additive;
    private static TranslationScores additiveScores;

    @BeforeAll
    static void train() {
        dates = PairTraining.COMPONENTS.get(ComponentKind.DATASET, "dates")
                .load(Settings.of(Map.of("count", "3000", "validation", "0", "test", "300")), 5);
        test = PairVocabularies.pairs(dates.test());
        additive = new PairTraining(dates, "additive", 32, 5);
        for (int e = 0; e < 4; e++) {
            additive.epoch();
        }
        additiveScores = additive.score(test, 12);
    }

    @Test
    void attentionLearnsTheDatesWhereThePlainEncoderDecoderHasNotYet() {
        PairTraining none = new PairTraining(dates, "none", 32, 5);
        for (int e = 0; e < 4; e++) {
            none.epoch();
        }
        TranslationScores plain = none.score(test, 12);
        System.out.printf("4 epochs of 3000: additive exact %.3f chars %.3f; none exact %.3f chars %.3f%n",
                additiveScores.exactMatch(), additiveScores.tokenAccuracy(), plain.exactMatch(), plain.tokenAccuracy());
        // seen: additive 0.15 exact, 0.84 of the characters after 3 epochs; none 0.00 and 0.57
        assertThat(additiveScores.exactMatch()).isGreaterThan(plain.exactMatch() + 0.1);
        assertThat(additiveScores.tokenAccuracy()).isGreaterThan(plain.tokenAccuracy() + 0.1);
    }

    @Test
    void beamWidthOneIsGreedyDecoding() {
        GreedyDecoder greedy = new GreedyDecoder(additive.model, 12);
        BeamSearch beam = new BeamSearch(additive.model, 1, 0, 12);
        for (int[] source : additive.sources(test.subList(0, 100))) {
            assertThat(beam.decode(source)).isEqualTo(greedy.decode(List.of(source)).getFirst());
        }
        // decoding a batch gives each source the output it gets alone
        List<int[]> some = additive.sources(test.subList(0, 40));
        List<Translation> batched = greedy.decode(some);
        for (int i = 0; i < some.size(); i++) {
            assertThat(batched.get(i).tokens()).isEqualTo(greedy.decode(List.of(some.get(i))).getFirst().tokens());
        }
    }

    @Test
    void beamWidthFiveIsNeverLessProbableThanGreedy() {
        GreedyDecoder greedy = new GreedyDecoder(additive.model, 12);
        BeamSearch beam = new BeamSearch(additive.model, 5, 0, 12);
        int better = 0;
        for (int[] source : additive.sources(test)) {
            Translation g = greedy.decode(List.of(source)).getFirst();
            Translation b = beam.decode(source);
            assertThat(g.ended() && b.ended()).as("both end with <eos> within 12 tokens").isTrue();
            // scored alike: beam search ran its hypotheses 5 to a batch, whose float32 sums round otherwise
            double beamScore = logProbability(source, b);
            double greedyScore = logProbability(source, g);
            assertThat(beamScore).as("beam %s vs greedy %s", b, g).isGreaterThanOrEqualTo(greedyScore);
            better += beamScore > greedyScore ? 1 : 0;
        }
        System.out.printf("beam 5 more probable than greedy on %d of %d test dates%n", better, test.size());
    }

    /** log p(output, <eos> | source) under the model, from one teacher-forced pass. */
    private static double logProbability(int[] source, Translation t) {
        return -additive.model.lossSum(PairBatch.of(List.of(source), List.of(t.tokens())));
    }

    @Test
    void theSameSeedTrainsTheSameWeightsBitForBit() {
        PairTraining a = new PairTraining(dates, "dot", 16, 9);
        PairTraining b = new PairTraining(dates, "dot", 16, 9);
        assertThat(a.epoch()).isEqualTo(b.epoch());
        for (int i = 0; i < a.model.parameters().size(); i++) {
            Parameter p = a.model.parameters().get(i);
            assertThat(p.value().toArray()).as(p.name()).isEqualTo(b.model.parameters().get(i).value().toArray());
        }
    }
}
