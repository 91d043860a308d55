package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.GreedyDecoder;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.model.seq2seq.PairVocabularies;
import org.rnnlab.model.seq2seq.Translation;
import org.rnnlab.model.seq2seq.TranslationScores;
import org.rnnlab.model.train.GradientClipping;

/**
 * Trains an encoder-decoder on a dataset of pairs as the PyTorch calibration script does (character
 * tokens, shuffled batches of 64, Adam 3e-3, global-norm clip 5), for the tests that need a trained model.
 */
final class PairTraining {
    static final TestComponents COMPONENTS = new TestComponents();
    final PairVocabularies vocabularies;
    final EncoderDecoder model;
    private final List<int[]> sources = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    private final AdamOptimizer adam = new AdamOptimizer(0.9, 0.999, 1e-8, 0, false, false);
    private final SplittableRandom order;

    PairTraining(Dataset data, String attention, int hidden, long seed) {
        var characters = COMPONENTS.get(ComponentKind.TOKENIZER, "character").create(Settings.of(Map.of()));
        vocabularies = PairVocabularies.fit(data.train(), characters, characters);
        model = EncoderDecoder.create(COMPONENTS.get(ComponentKind.CELL, "gru"), new EncoderDecoderSpec(vocabularies.source().size(),
                vocabularies.target().size(), 32, 16, "gru", Map.of(), hidden, 1, attention, hidden, true),
                new SplittableRandom(seed));
        for (PairExample p : PairVocabularies.pairs(data.train())) {
            sources.add(vocabularies.sourceIds(p.source()));
            targets.add(vocabularies.targetIds(p.target()));
        }
        order = new SplittableRandom(seed + 1);
    }

    /** One epoch; returns the mean training loss. */
    double epoch() {
        int n = sources.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double sum = 0;
        int batches = 0;
        for (int from = 0; from < n; from += 64) {
            List<int[]> s = new ArrayList<>();
            List<int[]> t = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 64); i++) {
                s.add(sources.get(perm[i]));
                t.add(targets.get(perm[i]));
            }
            sum += model.trainStep(PairBatch.of(s, t));
            GradientClipping.clipGlobalNorm(model.parameters(), 5);
            adam.step(model.parameters(), 3e-3);
            batches++;
        }
        return sum / batches;
    }

    List<int[]> sources(List<PairExample> pairs) {
        return pairs.stream().map(p -> vocabularies.sourceIds(p.source())).toList();
    }

    /** Greedy exact match and token accuracy on {@code pairs}. */
    TranslationScores score(List<PairExample> pairs, int maxLength) {
        List<int[]> in = sources(pairs);
        TranslationScores scores = new TranslationScores();
        GreedyDecoder greedy = new GreedyDecoder(model, maxLength);
        for (int from = 0; from < in.size(); from += 500) {
            List<Translation> out = greedy.decode(in.subList(from, Math.min(in.size(), from + 500)));
            for (int i = 0; i < out.size(); i++) {
                PairExample p = pairs.get(from + i);
                scores.add(out.get(i).tokens(), vocabularies.targetIds(p.target()), in.get(from + i).length);
            }
        }
        return scores;
    }
}
