package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code word-boundaries}: restore the spaces of tiny-shakespeare (shipped, see SOURCES.md), one
 * character tag per character. Prepared as the PyTorch calibration ({@code segment_tagging.py}) prepares
 * it: every non-blank line with its runs of white space made single spaces, the spaces removed, each
 * remaining character tagged {@value #SPACE} if a space stood before it and {@value #NONE} otherwise (so
 * a line's first character is {@value #NONE}); lines of fewer than 5 characters dropped, the others cut at
 * {@code length} characters (default 80); {@code lines} (default 0 = all) keeps only that many of them, in
 * text order, for a quick run. Split at random by seed: {@code test} (default 0.1) and {@code validation}
 * (default 0) fractions, the rest trains.
 */
public final class WordBoundariesDataset implements DatasetProvider {
    static final String SPACE = "space";
    static final String NONE = "none";
    static final int MIN_CHARACTERS = 5;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    @Override
    public String id() {
        return "word-boundaries";
    }

    @Override
    public String description() {
        return "tiny-shakespeare lines without their spaces, each character tagged by whether a space stood before it";
    }

    static final SettingKey<Integer> LENGTH = SettingKey.integer("length", "the most characters a line keeps")
            .defaultsTo(80).checked(SettingCheck.atLeast(MIN_CHARACTERS));
    static final SettingKey<Integer> LINES = SettingKey.integer("lines",
            "keep only the first N lines, in text order, for a quick run; 0 keeps all").defaultsTo(0)
            .checked(SettingCheck.nonNegative());
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.0);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset word-boundaries", LENGTH, LINES, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int length = o.get(LENGTH);
        int limit = o.get(LINES);
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        SourceText source = SourceText.resource(ShakespeareDataset.FILE);
        List<TextExample> all = examples(source.text(), length);
        List<TextExample> lines = limit == 0 ? all : all.subList(0, Math.min(limit, all.size()));
        Splits splits = Splits.random(lines, validation, test, seed);
        return new Dataset(id(), "tiny-shakespeare without spaces, lines of at most " + length + " characters",
                TaskKind.SEQUENCE_TAGGING, splits.train(), splits.validation(), splits.test(), List.of(NONE, SPACE),
                new Provenance(options, seed).source(source).with(splits));
    }

    /** The tagged lines of {@code text}, in text order. */
    static List<TextExample> examples(String text, int length) {
        List<TextExample> out = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = WHITE_SPACE.split(line);
            StringBuilder chars = new StringBuilder();
            List<String> tags = new ArrayList<>();
            for (int w = 0; w < words.length; w++) {
                for (int i = 0; i < words[w].length(); i++) {
                    chars.append(words[w].charAt(i));
                    tags.add(w > 0 && i == 0 ? SPACE : NONE);
                }
            }
            if (chars.length() >= MIN_CHARACTERS) {
                int n = Math.min(length, chars.length());
                out.add(new TextExample(chars.substring(0, n), "", tags.subList(0, n)));
            }
        }
        return out;
    }
}
