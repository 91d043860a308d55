package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

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

    @Override
    public Set<String> optionKeys() {
        return Set.of("lowercase", "validation", "test");
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options);
        OptionReader o = new OptionReader("dataset", options);
        boolean lowercase = o.flag("lowercase", true);
        double validation = o.fraction("validation", 0.1);
        double test = o.fraction("test", 0.0);
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
