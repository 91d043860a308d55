package org.rnnlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code midi}: a user's standard MIDI files ({@link MidiCorpus}: one file, or the {@code .mid}/{@code .midi}
 * files of a folder) as 88-key piano rolls for the multi-label task, one example per file. Options:
 * {@code path} (required), {@code steps_per_quarter} (the grid, default 1 = quarter notes as
 * {@code jsb-chorales}), {@code validation} (0.1) and {@code test} (0.1) fractions of the files, split at
 * random by seed. One bad file refuses the whole corpus, naming the file.
 */
public final class MidiDataset implements DatasetProvider {
    @Override
    public String id() {
        return "midi";
    }

    @Override
    public String description() {
        return "your MIDI files as 88-key piano rolls on a grid (multi-label)";
    }

    static final SettingKey<String> PATH = SettingKey.text("path", "a MIDI file, or a folder of .mid/.midi files")
            .requiredKey().checked(SettingCheck.readableFileOrFolder());
    static final SettingKey<Integer> STEPS_PER_QUARTER = SettingKey.integer("steps_per_quarter",
            "time steps per quarter note (the grid notes are quantised to); 1 as jsb-chorales")
            .defaultsTo(1).checked(SettingCheck.between(1, 96));
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset midi", PATH, STEPS_PER_QUARTER, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        Path path = Path.of(o.get(PATH));
        int grid = o.get(STEPS_PER_QUARTER);
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        MidiCorpus corpus = MidiCorpus.read(path, new MidiQuantizer(grid), grid);
        List<VectorExample> examples = new ArrayList<>();
        for (int i = 0; i < corpus.rolls().size(); i++) {
            try {
                examples.add(new VectorExample(corpus.rolls().get(i).frames(), new float[0]));
            } catch (IllegalArgumentException e) {
                throw new RnnlabException(corpus.files().get(i) + ": " + e.getMessage());
            }
        }
        Splits splits = Splits.random(examples, validation, test, seed);
        Map<String, String> provenance = new TreeMap<>(corpus.provenance());
        provenance.putAll(new Provenance(options, seed).with(splits));
        return new Dataset(id(), "MIDI files in " + path.getFileName(), TaskKind.MULTI_LABEL_SEQUENCE, splits.train(),
                splits.validation(), splits.test(), List.of(), provenance);
    }
}
