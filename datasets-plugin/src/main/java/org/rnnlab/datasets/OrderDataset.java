package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code order}: which of two marker tokens comes first. Each example is {@code length} space-separated
 * tokens: the markers {@code A} and {@code B} exactly once each, at random positions, among filler tokens
 * {@code c}..{@code j}; the label is {@code a-first} or {@code b-first}. Both classes have the same words in
 * the same numbers, so a bag of words is at chance; a recurrence that remembers which marker it saw first
 * solves it. Labels alternate, so every split is balanced to within one example. Options: {@code length}
 * (default 20, at least 2), {@code count} training examples (default 2000), {@code validation} and
 * {@code test} counts (default 500 each).
 */
public final class OrderDataset implements DatasetProvider {
    static final String A_FIRST = "a-first";
    static final String B_FIRST = "b-first";
    private static final String[] FILLERS = {"c", "d", "e", "f", "g", "h", "i", "j"};

    @Override
    public String id() {
        return "order";
    }

    @Override
    public String description() {
        return "does marker A come before marker B among filler words (classification; bag of words fails)";
    }

    static final SettingKey<Integer> LENGTH = SettingKey.integer("length", "tokens per example, the two markers included")
            .defaultsTo(20).checked(SettingCheck.atLeast(2));
    static final SettingKey<Integer> COUNT = SplitSettings.trainCount(2_000, 2);
    static final SettingKey<Integer> VALIDATION = SplitSettings.validationCount(500);
    static final SettingKey<Integer> TEST = SplitSettings.testCount(500);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset order", LENGTH, COUNT, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int length = o.get(LENGTH);
        int count = o.get(COUNT);
        int validation = o.get(VALIDATION);
        int test = o.get(TEST);
        Splits splits = Splits.generated(count, validation, test, seed, (n, random) -> generate(n, length, random)).requireLabelsSeenInTraining("order");
        return new Dataset(id(), description() + ", length " + length, TaskKind.SEQUENCE_CLASSIFICATION,
                splits.train(), splits.validation(), splits.test(), List.of(A_FIRST, B_FIRST),
                new Provenance(options, seed).put("source", "generated").with(splits));
    }

    static List<Example> generate(int count, int length, SplittableRandom random) {
        List<Example> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String[] tokens = new String[length];
            for (int t = 0; t < length; t++) {
                tokens[t] = FILLERS[random.nextInt(FILLERS.length)];
            }
            // two distinct positions, uniform over all pairs
            int p = random.nextInt(length);
            int q = random.nextInt(length - 1);
            if (q >= p) {
                q++;
            }
            int early = Math.min(p, q);
            int late = Math.max(p, q);
            boolean aFirst = n % 2 == 0;
            tokens[early] = aFirst ? "A" : "B";
            tokens[late] = aFirst ? "B" : "A";
            out.add(new TextExample(String.join(" ", tokens), aFirst ? A_FIRST : B_FIRST));
        }
        return out;
    }
}
