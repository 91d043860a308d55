package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code shakespeare}: tiny-shakespeare (1,115,394 characters, shipped, see SOURCES.md) for character
 * language modelling, cut into examples of {@code chunk} characters (default 100). The first
 * 1 - {@code validation} (default 0.1) of the text trains, the rest validates, in text order and unshuffled,
 * so validation is unseen text and the training chunks, concatenated, give the training text back. No test
 * split. The seed does not change this dataset (batches are shuffled by the trainer's seed).
 */
public final class ShakespeareDataset implements DatasetProvider {
    static final String FILE = "tiny-shakespeare.txt";

    @Override
    public String id() {
        return "shakespeare";
    }

    @Override
    public String description() {
        return "tiny-shakespeare in chunks of characters (language modelling)";
    }

    static final SettingKey<Integer> CHUNK = SettingKey.integer("chunk", "characters per example")
            .defaultsTo(100).checked(SettingCheck.atLeast(1));
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset shakespeare", CHUNK, VALIDATION);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int chunk = o.get(CHUNK);
        double validation = o.get(VALIDATION);
        SourceText source = SourceText.resource(FILE);
        List<TextExample> chunks = TextChunks.of(source.text(), chunk);
        Splits splits = Splits.byPosition(chunks, validation, 0.0);
        return new Dataset(id(), description() + ", " + chunk + " per example", TaskKind.LANGUAGE_MODELLING,
                splits.train(), splits.validation(), splits.test(), List.of(),
                new Provenance(options, seed).source(source).with(splits));
    }
}
