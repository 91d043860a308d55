package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TextExample;

/**
 * Train/validation/test splits, all deterministic by seed.
 *
 * @param train      the training examples
 * @param validation the validation examples
 * @param test       the test examples
 */
record Splits(List<Example> train, List<Example> validation, List<Example> test) {

    /** Makes {@code count} examples from a random stream. */
    @FunctionalInterface
    interface Generator {
        List<Example> generate(int count, SplittableRandom random);
    }

    /**
     * Generated splits, each from its own stream split off {@code seed} (train, validation, test in that
     * order), so a split's examples do not depend on the sizes of the others.
     */
    static Splits generated(int train, int validation, int test, long seed, Generator generator) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom trainStream = root.split();
        SplittableRandom validationStream = root.split();
        SplittableRandom testStream = root.split();
        return new Splits(generator.generate(train, trainStream), generator.generate(validation, validationStream),
                generator.generate(test, testStream));
    }

    /**
     * Splits each stratum (e.g. each label) on its own, so every split has the same label mix: per stratum
     * of n examples, floor(n * validation) go to validation, floor(n * test) to test and the rest, never
     * fewer, to training. Strata are taken in sorted order and each split is shuffled, all by {@code seed}.
     */
    static <E extends Example> Splits stratified(List<E> examples, Function<E, String> stratum,
                                                 double validation, double test, long seed) {
        requireRoomForTraining(validation, test);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<E>> strata = new TreeMap<>();
        for (E e : examples) {
            strata.computeIfAbsent(stratum.apply(e), k -> new ArrayList<>()).add(e);
        }
        List<Example> tr = new ArrayList<>();
        List<Example> va = new ArrayList<>();
        List<Example> te = new ArrayList<>();
        for (List<E> group : strata.values()) {
            List<E> shuffled = shuffle(group, random);
            int nVal = (int) Math.floor(shuffled.size() * validation);
            int nTest = (int) Math.floor(shuffled.size() * test);
            te.addAll(shuffled.subList(0, nTest));
            va.addAll(shuffled.subList(nTest, nTest + nVal));
            tr.addAll(shuffled.subList(nTest + nVal, shuffled.size()));
        }
        return new Splits(shuffle(tr, random), shuffle(va, random), shuffle(te, random));
    }

    /** A random split by fractions, as {@link #stratified} with a single stratum. */
    static <E extends Example> Splits random(List<E> examples, double validation, double test, long seed) {
        return stratified(examples, e -> "", validation, test, seed);
    }

    /**
     * In order: the first part for training, then the {@code validation} fraction, then the {@code test}
     * fraction, unshuffled. For continuous text, so that validation is text the model has never seen rather
     * than chunks interleaved with training chunks.
     */
    static <E extends Example> Splits byPosition(List<E> examples, double validation, double test) {
        requireRoomForTraining(validation, test);
        int nVal = (int) Math.floor(examples.size() * validation);
        int nTest = (int) Math.floor(examples.size() * test);
        int trainEnd = examples.size() - nVal - nTest;
        int valEnd = trainEnd + nVal;
        return new Splits(List.copyOf(examples.subList(0, trainEnd)), List.copyOf(examples.subList(trainEnd, valEnd)),
                List.copyOf(examples.subList(valEnd, examples.size())));
    }

    /** With floor rounding, validation + test &lt; 1 leaves at least one training example per stratum. */
    static void requireRoomForTraining(double validation, double test) {
        if (validation + test >= 1) {
            throw new ConfigException("settings 'dataset.validation' (" + validation + ") + 'dataset.test' (" + test
                    + ") leave no training data; their sum must be below 1");
        }
    }

    /** The sorted labels of the training split. */
    List<String> trainingLabels() {
        TreeSet<String> labels = new TreeSet<>();
        for (Example e : train) {
            if (e instanceof TextExample t) {
                labels.add(t.label());
            }
        }
        return List.copyOf(labels);
    }

    /**
     * Refuses labels of the validation or test split that the training split never has: a classifier
     * cannot predict a class it was never shown, and a silently dropped example would shrink the data.
     */
    Splits requireLabelsSeenInTraining(String source) {
        return requireLabelsSeenInTraining(source, Map.of());
    }

    /** As {@link #requireLabelsSeenInTraining(String)}, naming the first line of each unseen label. */
    Splits requireLabelsSeenInTraining(String source, Map<Example, Integer> lineOf) {
        List<String> known = trainingLabels();
        List<String> problems = new ArrayList<>();
        unseen("validation", validation, known, source, lineOf, problems);
        unseen("test", test, known, source, lineOf, problems);
        if (!problems.isEmpty()) {
            throw new RnnlabException(String.join("\n", problems));
        }
        return this;
    }

    private static void unseen(String split, List<Example> examples, List<String> known, String source,
                               Map<Example, Integer> lineOf, List<String> problems) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> firstLine = new TreeMap<>();
        for (Example e : examples) {
            if (e instanceof TextExample t && !known.contains(t.label())) {
                counts.merge(t.label(), 1, Integer::sum);
                Integer line = lineOf.get(e);
                if (line != null) {
                    firstLine.merge(t.label(), line, Math::min);
                }
            }
        }
        counts.forEach((label, n) -> problems.add(source + ": label '" + label + "' is in the " + split + " split ("
                + n + (n == 1 ? " example" : " examples")
                + (firstLine.containsKey(label) ? ", first on line " + firstLine.get(label) : "")
                + ") but never in the training split; training labels: " + String.join(", ", known)));
    }

    private static <T> List<T> shuffle(List<T> list, SplittableRandom random) {
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
