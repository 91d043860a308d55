package org.rnnlab.datasets;

import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code conll}: a user's tagged sentences in the CoNLL column layout ({@link ConllReader}), for tagging.
 * Options: {@code path} (required); {@code token_column} (1-based, default 1); {@code tag_column} (1-based,
 * default: each line's last column, as in CoNLL-2003); {@code validation_path} and {@code test_path}
 * (optional files in the same layout; without them, that split is a seeded random share of {@code path}
 * by the fractions {@code validation} and {@code test}, default 0.1 each); {@code max_length} (the most
 * tokens a sentence may have, default 500). The tags are the sorted tags of the training split; a tag of
 * the validation or test split that training never has is refused, naming its file and line.
 */
public final class ConllDataset implements DatasetProvider {
    static final int DEFAULT_MAX_LENGTH = 500;
    static final SettingKey<String> PATH = SplitSettings.path("the CoNLL file: a token per line, columns split by tabs"
            + " (or spaces), a blank line between sentences");
    static final SettingKey<Integer> TOKEN_COLUMN = SettingKey.integer("token_column", "the column of the tokens, from 1")
            .defaultsTo(1).checked(SettingCheck.atLeast(1));
    static final SettingKey<Integer> TAG_COLUMN = SettingKey.integer("tag_column",
            "the column of the tags, from 1 (default: each line's last, as in CoNLL-2003)").checked(SettingCheck.atLeast(1));
    static final SettingKey<String> VALIDATION_PATH = SettingKey.text("validation_path",
            "a CoNLL file of validation sentences (else a seeded share of path)").checked(SettingCheck.readableFile());
    static final SettingKey<String> TEST_PATH = SettingKey.text("test_path",
            "a CoNLL file of test sentences (else a seeded share of path)").checked(SettingCheck.readableFile());
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);
    static final SettingKey<Integer> MAX_LENGTH = SettingKey.integer("max_length", "the most tokens a sentence may have")
            .defaultsTo(DEFAULT_MAX_LENGTH).checked(SettingCheck.atLeast(1));

    @Override
    public String id() {
        return "conll";
    }

    @Override
    public String description() {
        return "tagged sentences from CoNLL column files (tagging)";
    }

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset conll", PATH, TOKEN_COLUMN, TAG_COLUMN, VALIDATION_PATH, TEST_PATH, VALIDATION,
                TEST, MAX_LENGTH);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int tokenColumn = o.get(TOKEN_COLUMN);
        int tagColumn = o.find(TAG_COLUMN).getOrElse(0);
        if (tagColumn == tokenColumn) {
            throw new ConfigException("settings 'dataset.token_column' and 'dataset.tag_column' are both column "
                    + tokenColumn);
        }
        ConllReader reader = new ConllReader(tokenColumn, tagColumn, o.get(MAX_LENGTH));
        Option<String> validationPath = o.find(VALIDATION_PATH);
        Option<String> testPath = o.find(TEST_PATH);
        double validation = validationPath.isDefined() ? 0 : o.get(VALIDATION);
        double test = testPath.isDefined() ? 0 : o.get(TEST);
        Splits.requireRoomForTraining(validation, test);

        Provenance provenance = new Provenance(options, seed);
        Map<Example, String> origin = new java.util.IdentityHashMap<>();
        String path = o.get(PATH);
        List<TextExample> main = read(reader, path, PATH, provenance, origin);
        Splits drawn = Splits.random(main, validation, test, seed);
        List<Example> validationSplit = validationPath.isDefined()
                ? List.copyOf(read(reader, validationPath.get(), VALIDATION_PATH, provenance, origin)) : drawn.validation();
        List<Example> testSplit = testPath.isDefined()
                ? List.copyOf(read(reader, testPath.get(), TEST_PATH, provenance, origin)) : drawn.test();
        Splits splits = new Splits(drawn.train(), validationSplit, testSplit);
        List<String> tags = trainingTags(splits.train());
        requireTagsSeenInTraining(tags, splits, origin);
        return new Dataset(id(), "CoNLL file " + Path.of(path).getFileName(), TaskKind.SEQUENCE_TAGGING,
                splits.train(), splits.validation(), splits.test(), tags, provenance.with(splits));
    }

    private static List<TextExample> read(ConllReader reader, String file, SettingKey<String> setting,
                                          Provenance provenance, Map<Example, String> origin) {
        SourceText source = SourceText.read(Path.of(file), "dataset." + setting.name());
        provenance.source(source);
        List<TextExample> examples = new ArrayList<>();
        for (ConllReader.Sentence s : reader.read(source)) {
            examples.add(s.example());
            origin.put(s.example(), source.name() + " line " + s.line());
        }
        return examples;
    }

    private static List<String> trainingTags(List<Example> train) {
        TreeSet<String> tags = new TreeSet<>();
        for (Example e : train) {
            tags.addAll(((TextExample) e).tags());
        }
        return List.copyOf(tags);
    }

    /** A tagger cannot predict a tag it was never shown; name where each unseen tag first occurs. */
    private static void requireTagsSeenInTraining(List<String> known, Splits splits, Map<Example, String> origin) {
        Map<String, String> unseen = new TreeMap<>();
        for (List<Example> split : List.of(splits.validation(), splits.test())) {
            for (Example e : split) {
                for (String tag : ((TextExample) e).tags()) {
                    if (!known.contains(tag)) {
                        unseen.putIfAbsent(tag, origin.get(e));
                    }
                }
            }
        }
        if (!unseen.isEmpty()) {
            List<String> problems = new ArrayList<>();
            unseen.forEach((tag, where) -> problems.add("tag '" + tag + "' in the sentence at " + where
                    + " is never in the training split; training tags: " + String.join(", ", known)));
            throw new RnnlabException(String.join("\n", problems));
        }
    }
}
