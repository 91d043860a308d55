package org.rnnlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

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

    @Override
    public String id() {
        return "conll";
    }

    @Override
    public String description() {
        return "tagged sentences from CoNLL column files (tagging)";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("path", "token_column", "tag_column", "validation_path", "test_path", "validation", "test",
                "max_length");
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options);
        OptionReader o = new OptionReader("dataset", options);
        int tokenColumn = o.integer("token_column", 1, 1);
        int tagColumn = o.has("tag_column") ? o.integer("tag_column", 0, 1) : 0;
        if (tagColumn == tokenColumn) {
            throw new ConfigException("settings 'dataset.token_column' and 'dataset.tag_column' are both column "
                    + tokenColumn);
        }
        ConllReader reader = new ConllReader(tokenColumn, tagColumn, o.integer("max_length", DEFAULT_MAX_LENGTH, 1));
        boolean ownValidation = o.has("validation_path");
        boolean ownTest = o.has("test_path");
        double validation = ownValidation ? 0 : o.fraction("validation", 0.1);
        double test = ownTest ? 0 : o.fraction("test", 0.1);
        Splits.requireRoomForTraining(validation, test);

        Provenance provenance = new Provenance(options, seed);
        Map<Example, String> origin = new java.util.IdentityHashMap<>();
        List<TextExample> main = read(reader, o, "path", provenance, origin);
        Splits drawn = Splits.random(main, validation, test, seed);
        List<Example> validationSplit = ownValidation
                ? List.copyOf(read(reader, o, "validation_path", provenance, origin)) : drawn.validation();
        List<Example> testSplit = ownTest ? List.copyOf(read(reader, o, "test_path", provenance, origin)) : drawn.test();
        Splits splits = new Splits(drawn.train(), validationSplit, testSplit);
        List<String> tags = trainingTags(splits.train());
        requireTagsSeenInTraining(tags, splits, origin);
        return new Dataset(id(), "CoNLL file " + Path.of(o.required("path")).getFileName(), TaskKind.SEQUENCE_TAGGING,
                splits.train(), splits.validation(), splits.test(), tags, provenance.with(splits));
    }

    private static List<TextExample> read(ConllReader reader, OptionReader o, String option, Provenance provenance,
                                          Map<Example, String> origin) {
        SourceText source = SourceText.read(Path.of(o.required(option)), o.key(option));
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
