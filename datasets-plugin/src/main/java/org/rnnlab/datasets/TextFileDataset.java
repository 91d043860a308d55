package org.rnnlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code text}: a user's UTF-8 text file for language modelling. Options: {@code path} (required);
 * {@code chunk}: 0 (default) makes one example per non-blank line, split at random by seed; n &gt; 0 cuts the
 * whole text into examples of n characters, split by position (training text first); {@code validation}
 * (default 0.1) and {@code test} (default 0) fractions. Blank lines are not examples; how many were skipped
 * is recorded in the provenance ({@code lines.blank}).
 */
public final class TextFileDataset implements DatasetProvider {
    @Override
    public String id() {
        return "text";
    }

    @Override
    public String description() {
        return "a UTF-8 text file, one example per line or per chunk (language modelling)";
    }

    static final SettingKey<String> PATH = SplitSettings.path("the UTF-8 text file");
    static final SettingKey<Integer> CHUNK = SettingKey.integer("chunk",
            "characters per example, cut from the whole text; 0: one example per non-blank line")
            .defaultsTo(0).checked(SettingCheck.nonNegative());
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.0);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset text", PATH, CHUNK, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        Path path = Path.of(o.get(PATH));
        int chunk = o.get(CHUNK);
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        SourceText source = SourceText.read(path, "dataset.path");
        if (source.text().isBlank()) {
            throw new RnnlabException(source.name() + " is empty: no text to learn from");
        }
        Provenance provenance = new Provenance(options, seed).source(source);
        Splits splits;
        if (chunk > 0) {
            splits = Splits.byPosition(TextChunks.of(source.text(), chunk), validation, test);
        } else {
            List<TextExample> lines = new ArrayList<>();
            int blank = 0;
            for (String line : source.lines()) {
                if (line.isBlank()) {
                    blank++;
                } else {
                    lines.add(TextExample.unlabelled(line));
                }
            }
            provenance.put("lines.blank", Integer.toString(blank));
            splits = Splits.random(lines, validation, test, seed);
        }
        return new Dataset(id(), "text file " + path.getFileName(), TaskKind.LANGUAGE_MODELLING, splits.train(),
                splits.validation(), splits.test(), List.of(), provenance.with(splits));
    }
}
