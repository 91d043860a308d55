package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.Settings;

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

    @Override
    public Set<String> optionKeys() {
        return Set.of("length", "count", "validation", "test");
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options);
        OptionReader o = new OptionReader("dataset", options);
        int length = o.integer("length", 50, 2);
        int count = o.integer("count", 10_000, 1);
        int validation = o.integer("validation", 1_000, 0);
        int test = o.integer("test", 1_000, 0);
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
