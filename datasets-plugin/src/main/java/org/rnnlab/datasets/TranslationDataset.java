package org.rnnlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code translation}: a user's tab-separated sentence pairs, one pair per line: source, target, and
 * optionally further columns that are ignored (the layout of the Tatoeba/Anki sentence-pair files, whose
 * third column credits the sentences' authors). Fields are taken literally (no quoting: a sentence may
 * hold quotes). Options: {@code path} (required); {@code validation_path} and {@code test_path}: files of
 * the same layout for those splits, otherwise a seeded random split of {@code path} by the
 * {@code validation} and {@code test} fractions (default 0.1 each, so 80/10/10); {@code max_length}: drop
 * pairs with a side longer than this many characters, {@code max_words}: ... than this many
 * space-separated words (0, the default, keeps everything; how many were dropped is in the provenance).
 *
 * <p>Every non-blank line becomes a pair or the load fails naming the file and the line: a line without a
 * tab, a line with another number of columns than the file's first line (a ragged file), an empty source
 * or target, a NUL or other control character (a binary file), bytes that are not UTF-8. Blank lines are
 * skipped and counted ({@code lines.blank}).
 */
public final class TranslationDataset implements DatasetProvider {
    @Override
    public String id() {
        return "translation";
    }

    @Override
    public String description() {
        return "tab-separated sentence pairs: source, target, further columns ignored (sequence to sequence)";
    }

    static final SettingKey<String> PATH = SplitSettings.path("the tab-separated file of sentence pairs");
    static final SettingKey<String> VALIDATION_PATH = SettingKey.text("validation_path",
            "a file of pairs for validation (default: a seeded fraction of path)").checked(SettingCheck.readableFile());
    static final SettingKey<String> TEST_PATH = SettingKey.text("test_path",
            "a file of pairs for the final test (default: a seeded fraction of path)").checked(SettingCheck.readableFile());
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);
    static final SettingKey<Integer> MAX_LENGTH = SettingKey.integer("max_length",
            "drop pairs with a side longer than this many characters; 0 keeps all").defaultsTo(0)
            .checked(SettingCheck.nonNegative());
    static final SettingKey<Integer> MAX_WORDS = SettingKey.integer("max_words",
            "drop pairs with a side of more space-separated words than this; 0 keeps all").defaultsTo(0)
            .checked(SettingCheck.nonNegative());

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset translation", PATH, VALIDATION_PATH, TEST_PATH, VALIDATION, TEST, MAX_LENGTH,
                MAX_WORDS);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        Path path = Path.of(o.get(PATH));
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        LengthFilter filter = new LengthFilter(o.get(MAX_LENGTH), o.get(MAX_WORDS));
        Provenance provenance = new Provenance(options, seed);
        List<PairExample> pairs = read(path, "dataset.path", filter, provenance);
        List<PairExample> given = o.find(VALIDATION_PATH)
                .map(p -> read(Path.of(p), "dataset.validation_path", filter, provenance)).getOrNull();
        List<PairExample> givenTest = o.find(TEST_PATH)
                .map(p -> read(Path.of(p), "dataset.test_path", filter, provenance)).getOrNull();
        Splits split = Splits.random(pairs, given == null ? validation : 0, givenTest == null ? test : 0, seed);
        Splits splits = new Splits(split.train(), given == null ? split.validation() : List.copyOf(given),
                givenTest == null ? split.test() : List.copyOf(givenTest));
        if (splits.train().isEmpty()) {
            throw new RnnlabException(path + ": no pair is left for training after the split and the length filter");
        }
        provenance.put("pairs.dropped", Integer.toString(filter.dropped));
        return new Dataset(id(), "sentence pairs " + path.getFileName(), TaskKind.SEQUENCE_TO_SEQUENCE, splits.train(),
                splits.validation(), splits.test(), List.of(), provenance.with(splits));
    }

    private static List<PairExample> read(Path path, String setting, LengthFilter filter, Provenance provenance) {
        SourceText source = SourceText.read(path, setting);
        provenance.source(source);
        List<String> lines = source.lines();
        List<PairExample> pairs = new ArrayList<>(lines.size());
        int columns = -1;
        int blank = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = source.name() + " line " + (i + 1);
            if (line.isBlank()) {
                blank++;
                continue;
            }
            requireText(line, where);
            String[] fields = line.split("\t", -1);
            if (fields.length < 2) {
                throw new RnnlabException(where + ": no tab between source and target (expected source<TAB>target)");
            }
            if (columns < 0) {
                columns = fields.length;
            } else if (fields.length != columns) {
                throw new RnnlabException(where + ": " + fields.length + " tab-separated columns, but the first pair has "
                        + columns);
            }
            String sourceText = fields[0].strip();
            String target = fields[1].strip();
            if (sourceText.isEmpty() || target.isEmpty()) {
                throw new RnnlabException(where + ": the " + (sourceText.isEmpty() ? "source (column 1)" : "target (column 2)")
                        + " is empty");
            }
            if (filter.keeps(sourceText) && filter.keeps(target)) {
                pairs.add(new PairExample(sourceText, target));
            } else {
                filter.dropped++;
            }
        }
        if (pairs.isEmpty() && columns < 0) {
            throw new RnnlabException(source.name() + " holds no sentence pairs");
        }
        provenance.put("lines.blank." + path.getFileName(), Integer.toString(blank));
        return pairs;
    }

    /** Refuses control characters other than tab: a text file of sentences has none, a binary file many. */
    private static void requireText(String line, String where) {
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (Character.isISOControl(ch) && ch != '\t') {
                throw new RnnlabException(where + ": control character U+" + String.format("%04X", (int) ch)
                        + " at column " + (c + 1) + "; this does not look like a text file of sentence pairs");
            }
        }
    }

    /** Drops pairs with a side over the limits (0: no limit) and counts them. */
    private static final class LengthFilter {
        private final int maxLength;
        private final int maxWords;
        private int dropped;

        LengthFilter(int maxLength, int maxWords) {
            this.maxLength = maxLength;
            this.maxWords = maxWords;
        }

        boolean keeps(String text) {
            return (maxLength == 0 || text.codePointCount(0, text.length()) <= maxLength)
                    && (maxWords == 0 || text.split("\\s+").length <= maxWords);
        }
    }
}
