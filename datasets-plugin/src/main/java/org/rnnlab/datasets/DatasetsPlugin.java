package org.rnnlab.datasets;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabVersion;

/**
 * The built-in datasets ({@code dinosaurs}, {@code hello}, {@code adding}, {@code order}, {@code sentiment},
 * {@code shakespeare}, {@code shakespeare-words}, {@code csv}, {@code text}, {@code jsb-chorales}, {@code midi},
 * {@code conll}, {@code word-boundaries}, {@code dates}, {@code translation}) and tokenizers ({@code character},
 * {@code word}, {@code bag-of-words}, {@code fixed-window}, {@code whitespace}).
 */
public final class DatasetsPlugin implements Plugin {
    @Override
    public String id() {
        return "datasets";
    }

    @Override
    public String version() {
        return RnnlabVersion.current();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                var datasets = Components.of(binder(), ComponentKind.DATASET);
                datasets.addBinding().to(DinosaursDataset.class);
                datasets.addBinding().to(HelloDataset.class);
                datasets.addBinding().to(AddingDataset.class);
                datasets.addBinding().to(OrderDataset.class);
                datasets.addBinding().to(SentimentDataset.class);
                datasets.addBinding().to(ShakespeareDataset.class);
                datasets.addBinding().to(ShakespeareWordsDataset.class);
                datasets.addBinding().to(CsvDataset.class);
                datasets.addBinding().to(TextFileDataset.class);
                datasets.addBinding().to(JsbChoralesDataset.class);
                datasets.addBinding().to(MidiDataset.class);
                datasets.addBinding().to(ConllDataset.class);
                datasets.addBinding().to(WordBoundariesDataset.class);
                datasets.addBinding().to(DatesDataset.class);
                datasets.addBinding().to(TranslationDataset.class);
                datasets.addBinding().to(WordClassesDataset.class);
                var tokenizers = Components.of(binder(), ComponentKind.TOKENIZER);
                tokenizers.addBinding().to(CharacterTokenizerFactory.class);
                tokenizers.addBinding().to(WordTokenizerFactory.class);
                tokenizers.addBinding().to(BagOfWordsTokenizerFactory.class);
                tokenizers.addBinding().to(FixedWindowTokenizerFactory.class);
                tokenizers.addBinding().to(WhitespaceTokenizerFactory.class);
            }
        };
    }
}
