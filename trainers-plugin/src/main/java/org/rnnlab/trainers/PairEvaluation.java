package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.model.seq2seq.BeamSearch;
import org.rnnlab.model.seq2seq.GreedyDecoder;
import org.rnnlab.model.seq2seq.Translation;
import org.rnnlab.model.seq2seq.TranslationScores;

/**
 * The sequence-to-sequence metrics of one split: teacher-forced loss, then the decoded outputs scored;
 * on the test split also the exact match by source length, in bins of {@value #BIN} source tokens
 * ({@code exact_match.len06-10}), so that a chart shows where long inputs start to fail.
 */
final class PairEvaluation {
    static final int BIN = 5;

    private PairEvaluation() {}

    static void byLength(TranslationScores scores, String prefix, Map<String, Double> out) {
        Map<Integer, int[]> bins = new TreeMap<>();
        scores.exactByLength().forEach((length, counts) -> {
            int[] bin = bins.computeIfAbsent((length - 1) / BIN, k -> new int[2]);
            bin[0] += counts[0];
            bin[1] += counts[1];
        });
        bins.forEach((bin, counts) -> out.put(String.format(java.util.Locale.ROOT, "%s.exact_match.len%02d-%02d", prefix,
                bin * BIN + 1, (bin + 1) * BIN), (double) counts[1] / counts[0]));
    }

    static Map<String, Double> metrics(PairTaskModel m, PairData data, String split, String prefix, int batchSize) {
        List<int[]> sources = data.sources().get(split);
        List<int[]> targets = data.targets().get(split);
        Map<String, Double> out = new TreeMap<>();
        if (sources.isEmpty()) {
            out.put(prefix + ".loss", Double.NaN);
            return out;
        }
        double lossSum = 0;
        long tokens = 0;
        TranslationScores scores = new TranslationScores();
        GreedyDecoder greedy = new GreedyDecoder(m.model(), m.maxLength());
        for (int from = 0; from < sources.size(); from += batchSize) {
            int to = Math.min(sources.size(), from + batchSize);
            int[] indices = java.util.stream.IntStream.range(from, to).toArray();
            var batch = data.batch(split, indices);
            lossSum += m.model().lossSum(batch);
            tokens += batch.targetTokens();
            List<Translation> decoded = m.beamWidth() > 1
                    ? new BeamSearch(m.model(), m.beamWidth(), m.alpha(), m.maxLength()).decode(sources.subList(from, to))
                    : greedy.decode(sources.subList(from, to));
            for (int i = 0; i < decoded.size(); i++) {
                scores.add(decoded.get(i).tokens(), targets.get(from + i), sources.get(from + i).length);
            }
        }
        out.put(prefix + ".loss", lossSum / tokens);
        out.put(prefix + ".exact_match", scores.exactMatch());
        out.put(prefix + ".char_accuracy", scores.tokenAccuracy());
        if (split.equals("test")) {
            byLength(scores, prefix, out);
        }
        return out;
    }
}
