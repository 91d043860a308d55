package org.rnnlab.trainers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;

/**
 * A dataset's texts as word2vec reads them: each example a sentence of word ids, the words seen fewer than
 * {@code min_count} times in training (and the tokenizer's specials) removed, as the C tool does; the training
 * counts (zero for the removed words); and, when the dataset tags each word with its class (a tagging
 * dataset such as {@code word-classes}), each word's class, the tag it has most often in training.
 *
 * <p>Holds the model {@link Word2VecTask#build} made on it, since the vectors file written beside the model
 * file ({@link Word2VecTask#writeCompanions}) is that model's.
 */
final class Word2VecData implements TaskData {
    private final Task.FittedTokenizer tokenizer;
    private final Map<String, int[][]> encoded = new HashMap<>();
    private final long[] allCounts;
    private final List<String> classNames;
    private final int[] allClasses;
    // set by apply(): the min_count cut needs the settings, which prepare() does not get
    private Settings settings;
    private long[] counts;
    private final Map<String, int[][]> sentences = new HashMap<>();
    private int[] classes;
    private Word2VecTaskModel model;

    Word2VecData(Dataset dataset, Task.FittedTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        allCounts = new long[tokenizer.vocabulary().size()];
        for (String split : List.of("train", "validation", "test")) {
            encoded.put(split, encode(dataset.split(split), tokenizer));
        }
        for (int[] s : encoded.get("train")) {
            for (int id : s) {
                allCounts[id]++;
            }
        }
        if (dataset.kind() == TaskKind.SEQUENCE_TAGGING) {
            classNames = dataset.labels();
            allClasses = classes(dataset, tokenizer, classNames);
        } else {
            classNames = List.of();
            allClasses = null;
        }
        apply(Word2VecSettings.SCHEMA.requireValues(Settings.of(Map.of())));
    }

    /**
     * Cuts the words seen fewer than {@code word2vec.min_count} times (and the specials) from every split and
     * takes the other settings the task reads with this data.
     */
    void apply(Settings values) {
        settings = values;
        int minCount = values.get(Word2VecSettings.MIN_COUNT);
        long[] kept = new long[allCounts.length];
        for (int id = Vocabulary.SPECIALS.size(); id < kept.length; id++) {
            kept[id] = allCounts[id] >= minCount ? allCounts[id] : 0;
        }
        counts = kept;
        for (String split : List.of("train", "validation", "test")) {
            int[][] all = encoded.get(split);
            int[][] out = new int[all.length][];
            for (int i = 0; i < all.length; i++) {
                out[i] = java.util.Arrays.stream(all[i]).filter(id -> kept[id] > 0).toArray();
            }
            sentences.put(split, out);
        }
        if (allClasses != null) {
            classes = allClasses.clone();
            for (int id = 0; id < classes.length; id++) {
                classes[id] = kept[id] > 0 ? classes[id] : -1;
            }
        }
    }

    Settings settings() {
        return settings;
    }

    int neighbours() {
        return settings.get(Word2VecSettings.NEIGHBOURS);
    }

    private static int[][] encode(List<Example> examples, Task.FittedTokenizer t) {
        return Dataset.texts(examples).stream().map(text -> t.tokenizer().ids(text, t.vocabulary())).toArray(int[][]::new);
    }

    /** Each kept word's most frequent tag in training (-1: no class), tokens aligned with tags where they agree in number. */
    private static int[] classes(Dataset dataset, Task.FittedTokenizer t, List<String> names) {
        int[][] tagCounts = new int[t.vocabulary().size()][names.size()];
        for (Example e : dataset.train()) {
            if (e instanceof TextExample text) {
                List<String> tokens = t.tokenizer().tokens(text.text());
                if (tokens.size() == text.tags().size()) {
                    for (int i = 0; i < tokens.size(); i++) {
                        int tag = names.indexOf(text.tags().get(i));
                        int id = t.vocabulary().id(tokens.get(i));
                        if (tag >= 0) {
                            tagCounts[id][tag]++;
                        }
                    }
                }
            }
        }
        int[] out = new int[tagCounts.length];
        for (int id = 0; id < out.length; id++) {
            out[id] = -1;
            int best = 0;
            for (int c = 0; c < names.size(); c++) {
                if (tagCounts[id][c] > best) {
                    best = tagCounts[id][c];
                    out[id] = c;
                }
            }
        }
        return out;
    }

    @Override
    public int[] lengths(String split) {
        int[][] s = sentences.get(split);
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].length;
        }
        return out;
    }

    @Override
    public List<String> labels() {
        return List.of();
    }

    int[][] sentences(String split) {
        return sentences.get(split);
    }

    Task.FittedTokenizer tokenizer() {
        return tokenizer;
    }

    /** Training counts by word id; 0 for removed words and specials. */
    long[] counts() {
        return counts;
    }

    /** Words in the training splits' kept sentences: what one epoch reads. */
    long trainingWords() {
        long n = 0;
        for (int[] s : sentences.get("train")) {
            n += s.length;
        }
        return n;
    }

    /** Each word id's class (an index of {@link #classNames}), -1 for none; null when the dataset has no classes. */
    int[] classes() {
        return classes;
    }

    List<String> classNames() {
        return classNames;
    }

    void built(Word2VecTaskModel built) {
        this.model = built;
    }

    Word2VecTaskModel model() {
        return model;
    }
}
