package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code sentiment}: the UCI "Sentiment Labelled Sentences" (Kotzias et al., KDD 2015; shipped, see
 * SOURCES.md): 1,000 review sentences per source (amazon, imdb, yelp), 500 {@code positive} and 500
 * {@code negative} each. Each line is split on its LAST tab, since sentences hold double quotes that are
 * not CSV quoting ({@code As for the "mains," also uninspired.}); white space before the tab is dropped.
 * Option {@code source}: {@code all} (default), {@code amazon}, {@code imdb} or {@code yelp}. The split is
 * stratified by source and label, 80/10/10 by seed ({@code validation}, {@code test} fractions).
 */
public final class SentimentDataset implements DatasetProvider {
    static final Map<String, String> FILES = Map.of(
            "amazon", "amazon_cells_labelled.txt",
            "imdb", "imdb_labelled.txt",
            "yelp", "yelp_labelled.txt");
    static final List<String> SOURCES = List.of("amazon", "imdb", "yelp");

    @Override
    public String id() {
        return "sentiment";
    }

    @Override
    public String description() {
        return "UCI sentiment-labelled review sentences (amazon, imdb, yelp; classification)";
    }

    static final SettingKey<String> SOURCE = SettingKey.oneOf("source", "which reviews: one site's, or all three",
            "all", "amazon", "imdb", "yelp").defaultsTo("all");
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset sentiment", SOURCE, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        String which = o.get(SOURCE);
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        List<String> sources = which.equals("all") ? SOURCES : List.of(which);
        Provenance provenance = new Provenance(options, seed);
        List<TextExample> sentences = new ArrayList<>();
        // by identity: two sources may hold the same sentence with the same label
        Map<TextExample, String> sourceOf = new IdentityHashMap<>();
        for (String source : sources) {
            SourceText file = SourceText.resource(FILES.get(source));
            provenance.source(file);
            for (TextExample e : parse(file)) {
                sentences.add(e);
                sourceOf.put(e, source);
            }
        }
        Splits splits = Splits.stratified(sentences, e -> sourceOf.get(e) + "/" + e.label(), validation, test, seed)
                .requireLabelsSeenInTraining("sentiment");
        return new Dataset(id(), "UCI sentiment sentences (" + which + ")", TaskKind.SEQUENCE_CLASSIFICATION,
                splits.train(), splits.validation(), splits.test(), List.of("negative", "positive"),
                provenance.with(splits));
    }

    /** Every line of one source file as a labelled sentence; a malformed line is an error naming it. */
    static List<TextExample> parse(SourceText file) {
        List<String> lines = file.lines();
        List<TextExample> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int tab = line.lastIndexOf('\t');
            String where = file.name() + " line " + (i + 1);
            if (tab < 0) {
                throw new RnnlabException(where + ": no tab between the sentence and its 0/1 label");
            }
            String text = line.substring(0, tab).strip();
            String label = switch (line.substring(tab + 1).strip()) {
                case "0" -> "negative";
                case "1" -> "positive";
                default -> throw new RnnlabException(where + ": label must be 0 or 1 but was '" + line.substring(tab + 1) + "'");
            };
            if (text.isEmpty()) {
                throw new RnnlabException(where + ": the sentence before the tab is empty");
            }
            out.add(new TextExample(text, label));
        }
        return out;
    }
}
