package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * {@code adding}: the adding problem as in Le, Jaitly and Hinton (2015). Each of T steps has two features,
 * a value drawn from U[0,1] and a marker; exactly two steps are marked, one in the first half and one in the
 * second half, and the target is the sum of the two marked values. Predicting 1 always gives a mean squared
 * error of about 0.167, the baseline to beat. Options: {@code length} T (default 50, at least 2),
 * {@code count} training sequences (default 10000), {@code validation} and {@code test} counts (default
 * 1000 each). Each split is drawn from its own stream of the seed, so changing one count leaves the others'
 * sequences unchanged.
 */
public final class AddingDataset implements DatasetProvider {
    @Override
    public String id() {
        return "adding";
    }

    @Override
    public String description() {
        return "the adding problem: sum of the two marked values among T steps (regression)";
    }

    static final SettingKey<Integer> LENGTH = SettingKey.integer("length", "time steps T per sequence")
            .defaultsTo(50).checked(SettingCheck.atLeast(2));
    static final SettingKey<Integer> COUNT = SplitSettings.trainCount(10_000, 1);
    static final SettingKey<Integer> VALIDATION = SplitSettings.validationCount(1_000);
    static final SettingKey<Integer> TEST = SplitSettings.testCount(1_000);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset adding", LENGTH, COUNT, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int length = o.get(LENGTH);
        int count = o.get(COUNT);
        int validation = o.get(VALIDATION);
        int test = o.get(TEST);
        Splits splits = Splits.generated(count, validation, test, seed, (n, random) -> generate(n, length, random));
        return new Dataset(id(), description() + ", T=" + length, TaskKind.SEQUENCE_REGRESSION, splits.train(),
                splits.validation(), splits.test(), List.of(),
                new Provenance(options, seed).put("source", "generated").put("length", Integer.toString(length)).with(splits));
    }

    static List<Example> generate(int count, int length, SplittableRandom random) {
        List<Example> out = new ArrayList<>(count);
        int half = length / 2;
        for (int n = 0; n < count; n++) {
            float[][] steps = new float[length][2];
            for (int t = 0; t < length; t++) {
                steps[t][0] = (float) random.nextDouble();
            }
            int first = random.nextInt(half);
            int second = half + random.nextInt(length - half);
            steps[first][1] = 1f;
            steps[second][1] = 1f;
            out.add(new VectorExample(steps, new float[] {steps[first][0] + steps[second][0]}));
        }
        return out;
    }
}
