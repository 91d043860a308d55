package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.task.Task.FittedTokenizer;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.model.seq2seq.PairVocabularies;

/**
 * (source, target) pairs encoded once by the two fitted tokenizers: ids per split, and the pairs
 * themselves for reports. Batches bucket by source length.
 */
record PairData(PairVocabularies vocabularies, FittedTokenizer source, FittedTokenizer target,
                Map<String, List<PairExample>> pairs, Map<String, List<int[]>> sources, Map<String, List<int[]>> targets,
                Set<String> trainingTargets) implements TaskData {

    static PairData encode(Dataset dataset, PairVocabularies v, FittedTokenizer source, FittedTokenizer target) {
        Map<String, List<PairExample>> pairs = new java.util.LinkedHashMap<>();
        Map<String, List<int[]>> sources = new java.util.LinkedHashMap<>();
        Map<String, List<int[]>> targets = new java.util.LinkedHashMap<>();
        for (String split : List.of("train", "validation", "test")) {
            List<PairExample> p = PairVocabularies.pairs(dataset.split(split));
            List<int[]> s = new ArrayList<>(p.size());
            List<int[]> t = new ArrayList<>(p.size());
            for (int i = 0; i < p.size(); i++) {
                int[] ids = v.sourceIds(p.get(i).source());
                if (ids.length == 0) {
                    throw new org.rnnlab.api.ConfigException("dataset '" + dataset.id() + "', " + split + " pair " + (i + 1)
                            + ": the source tokenizer finds no token in '" + p.get(i).source() + "'");
                }
                s.add(ids);
                t.add(v.targetIds(p.get(i).target()));
            }
            pairs.put(split, List.copyOf(p));
            sources.put(split, s);
            targets.put(split, t);
        }
        Set<String> seen = new HashSet<>();
        for (PairExample p : pairs.get("train")) {
            seen.add(p.target());
        }
        return new PairData(v, source, target, pairs, sources, targets, seen);
    }

    @Override
    public int[] lengths(String split) {
        return sources.get(split).stream().mapToInt(s -> s.length).toArray();
    }

    @Override
    public List<String> labels() {
        return List.of();
    }

    @Override
    public boolean inTraining(String text) {
        return trainingTargets.contains(text);
    }

    /** The teacher-forcing batch of these examples of a split. */
    PairBatch batch(String split, int[] indices) {
        List<int[]> s = new ArrayList<>(indices.length);
        List<int[]> t = new ArrayList<>(indices.length);
        for (int i : indices) {
            s.add(sources.get(split).get(i));
            t.add(targets.get(split).get(i));
        }
        return PairBatch.of(s, t);
    }

    PairBatch batch(String split, Batch batch) {
        return batch(split, batch.indices());
    }

    int maxTargetLength() {
        return targets.get("train").stream().mapToInt(t -> t.length).max().orElse(1);
    }
}
