package org.rnnlab.trainers;

import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;

/** The settings of the {@code word2vec} task, with the reference C tool's defaults where it has one. */
final class Word2VecSettings {
    static final String SKIP_GRAM = "skipgram";
    static final String CBOW = "cbow";

    static final SettingKey<String> MODEL = SettingKey.oneOf("word2vec.model",
            "skipgram: each word predicts the words around it; cbow: the mean of the words around predicts the word",
            SKIP_GRAM, CBOW).defaultsTo(SKIP_GRAM);
    static final SettingKey<Integer> DIMENSION = SettingKey.integer("word2vec.dimension", "values per word vector")
            .defaultsTo(100).checked(SettingCheck.between(1, 4096));
    static final SettingKey<Integer> WINDOW = SettingKey.integer("word2vec.window",
            "the most words on each side that count as context (each position shrinks it by a random 0..window-1)")
            .defaultsTo(5).checked(SettingCheck.between(1, 100));
    static final SettingKey<Integer> NEGATIVES = SettingKey.integer("word2vec.negatives",
            "negative words per example, drawn from the unigram distribution to the 3/4 power")
            .defaultsTo(5).checked(SettingCheck.between(0, 100));
    static final SettingKey<Double> SAMPLE = SettingKey.real("word2vec.sample",
            "sub-sampling threshold t: a word of share f of the text is kept with probability (sqrt(f/t)+1)t/f")
            .defaultsTo(1e-3).checked(SettingCheck.between(1e-9, 1));
    static final SettingKey<Integer> MIN_COUNT = SettingKey.integer("word2vec.min_count",
            "words seen fewer times in the training text are dropped from it (and get no vector)")
            .defaultsTo(5).checked(SettingCheck.atLeast(1));
    static final SettingKey<Double> LR = SettingKey.real("word2vec.lr",
            "the rate word2vec's own SGD starts at, decayed linearly to 0 over all epochs' words (C tool: 0.025"
                    + " for skip-gram, 0.05 for cbow)").defaultsTo(0.025).checked(SettingCheck.between(1e-6, 10));
    static final SettingKey<Integer> NEIGHBOURS = SettingKey.integer("word2vec.neighbours",
            "k of the neighbour class purity (datasets with word classes) and neighbours shown per probe word")
            .defaultsTo(5).checked(SettingCheck.between(1, 100));
    static final SettingKey<String> PROBES = SettingKey.text("word2vec.probes",
            "comma-separated words whose nearest neighbours the samples show (empty: the words at frequency ranks"
                    + " 10, 20, 30, ...)").defaultsTo("");

    static final SettingsSchema SCHEMA = SettingsSchema.of("task word2vec", MODEL, DIMENSION, WINDOW, NEGATIVES,
            SAMPLE, MIN_COUNT, LR, NEIGHBOURS, PROBES);

    private Word2VecSettings() {}
}
