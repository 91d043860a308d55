package org.rnnlab.datasets;

import java.util.ArrayList;
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
 * {@code shakespeare-words}: tiny-shakespeare (the text of {@code shakespeare}, see SOURCES.md) for word
 * language modelling, cut into examples of {@code chunk} whitespace-separated words (default 30) joined by
 * single spaces, so no word is cut in two. The first 1 - {@code validation} - {@code test} of the examples
 * train, then validation (default 0.1), then test (default 0), in text order and unshuffled: the held-out
 * text is text the model never saw. The seed does not change this dataset.
 */
public final class ShakespeareWordsDataset implements DatasetProvider {

    @Override
    public String id() {
        return "shakespeare-words";
    }

    @Override
    public String description() {
        return "tiny-shakespeare in chunks of words (word language modelling)";
    }

    static final SettingKey<Integer> CHUNK = SettingKey.integer("chunk", "whitespace-separated words per example")
            .defaultsTo(30).checked(SettingCheck.atLeast(1));
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.0);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset shakespeare-words", CHUNK, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int chunk = o.get(CHUNK);
        SourceText source = SourceText.resource(ShakespeareDataset.FILE);
        Splits splits = Splits.byPosition(chunks(source.text(), chunk), o.get(VALIDATION), o.get(TEST));
        return new Dataset(id(), description() + ", " + chunk + " per example", TaskKind.LANGUAGE_MODELLING,
                splits.train(), splits.validation(), splits.test(), List.of(),
                new Provenance(options, seed).source(source).with(splits));
    }

    /** The text's words, {@code words} per example (the last may hold fewer). */
    static List<TextExample> chunks(String text, int words) {
        List<String> all = List.of(text.strip().split("\\s+"));
        List<TextExample> out = new ArrayList<>(all.size() / words + 1);
        for (int start = 0; start < all.size(); start += words) {
            out.add(TextExample.unlabelled(String.join(" ", all.subList(start, Math.min(all.size(), start + words)))));
        }
        return out;
    }
}
