package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code dinosaurs}: the 1,545 dinosaur genus names of the shipped {@code dinos.txt} (see SOURCES.md; 12
 * names occur twice and are kept), one name per example, for character language modelling. Options:
 * {@code lowercase} (default true, as in the course, so 26 letters), {@code validation} (fraction, default
 * 0.1) and {@code test} (fraction, default 0): names are split at random by seed.
 */
public final class DinosaursDataset implements DatasetProvider {
    static final String FILE = "dinos.txt";

    @Override
    public String id() {
        return "dinosaurs";
    }

    @Override
    public String description() {
        return "dinosaur genus names, one per example (language modelling)";
    }

    static final SettingKey<Boolean> LOWERCASE = SettingKey.flag("lowercase", "lower-case the names")
            .defaultsTo(true);
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.0);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset dinosaurs", LOWERCASE, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        boolean lowercase = o.get(LOWERCASE);
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        SourceText source = SourceText.resource(FILE);
        List<TextExample> names = new ArrayList<>();
        List<String> lines = source.lines();
        for (String line : lines) {
            String name = line.strip();
            if (!name.isEmpty()) {
                names.add(TextExample.unlabelled(lowercase ? name.toLowerCase(Locale.ROOT) : name));
            }
        }
        Splits splits = Splits.random(names, validation, test, seed);
        return new Dataset(id(), description(), TaskKind.LANGUAGE_MODELLING, splits.train(), splits.validation(),
                splits.test(), List.of(), new Provenance(options, seed).source(source).with(splits));
    }
}
