package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code word-classes}: sentences of a small grammar whose words fall into known classes, each word tagged
 * with its class, so that word vectors can be scored by whether a word's nearest neighbours share its class:
 * {@code the brown fox chased a cat in the garden}, tags {@code det colour animal verb det animal prep det
 * place}. A sentence is {@code NP verb NP [PP] [adverb]} or {@code NP verb PP [adverb]}, a noun phrase
 * {@code det [colour] animal}, a place phrase {@code prep det place}; every word is drawn uniformly from its
 * class. Classes: {@value #CLASSES}. Generated from the seed (train, validation and test each from their own
 * stream), so the same seed gives the same sentences. A tagging dataset: the {@code tagging} task learns the
 * classes, {@code task=word2vec} learns vectors and scores their neighbour class purity.
 */
public final class WordClassesDataset implements DatasetProvider {
    static final String CLASSES = "animal, colour, verb, place, adverb, det, prep";
    static final List<String> ANIMALS = List.of("fox", "cat", "dog", "horse", "mouse", "rabbit", "bird", "cow", "sheep",
            "goat");
    static final List<String> COLOURS = List.of("red", "brown", "black", "white", "grey", "green", "yellow", "blue");
    static final List<String> VERBS = List.of("chased", "saw", "followed", "watched", "bit", "found", "heard", "met");
    static final List<String> PLACES = List.of("garden", "forest", "field", "river", "barn", "house", "park", "meadow");
    static final List<String> ADVERBS = List.of("quickly", "slowly", "quietly", "happily", "loudly", "calmly");
    static final List<String> DETERMINERS = List.of("the", "a");
    static final List<String> PREPOSITIONS = List.of("in", "near", "behind", "by");

    static final SettingKey<Integer> COUNT = SplitSettings.trainCount(5_000, 1);
    static final SettingKey<Integer> VALIDATION = SplitSettings.validationCount(500);
    static final SettingKey<Integer> TEST = SplitSettings.testCount(0);

    @Override
    public String id() {
        return "word-classes";
    }

    @Override
    public String description() {
        return "generated sentences whose words belong to known classes (animals, colours, verbs, places, ...),"
                + " each word tagged with its class";
    }

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset word-classes", COUNT, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        Splits splits = Splits.generated(o.get(COUNT), o.get(VALIDATION), o.get(TEST), seed,
                WordClassesDataset::generate);
        TreeSet<String> tags = new TreeSet<>();
        for (Example e : splits.train()) {
            tags.addAll(((TextExample) e).tags());
        }
        return new Dataset(id(), description(), TaskKind.SEQUENCE_TAGGING, splits.train(), splits.validation(),
                splits.test(), List.copyOf(tags), new Provenance(options, seed).put("source", "generated").with(splits));
    }

    static List<Example> generate(int count, SplittableRandom random) {
        List<Example> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            nounPhrase(words, tags, random);
            add(words, tags, VERBS, "verb", random);
            boolean object = random.nextInt(3) > 0;
            if (object) {
                nounPhrase(words, tags, random);
            }
            if (!object || random.nextBoolean()) {
                add(words, tags, PREPOSITIONS, "prep", random);
                add(words, tags, DETERMINERS, "det", random);
                add(words, tags, PLACES, "place", random);
            }
            if (random.nextInt(4) == 0) {
                add(words, tags, ADVERBS, "adverb", random);
            }
            out.add(new TextExample(String.join(" ", words), "", tags));
        }
        return out;
    }

    private static void nounPhrase(List<String> words, List<String> tags, SplittableRandom random) {
        add(words, tags, DETERMINERS, "det", random);
        if (random.nextBoolean()) {
            add(words, tags, COLOURS, "colour", random);
        }
        add(words, tags, ANIMALS, "animal", random);
    }

    private static void add(List<String> words, List<String> tags, List<String> choices, String tag,
                            SplittableRandom random) {
        words.add(choices.get(random.nextInt(choices.size())));
        tags.add(tag);
    }
}
