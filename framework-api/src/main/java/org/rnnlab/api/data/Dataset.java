package org.rnnlab.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A loaded dataset: its splits, its task and where it came from.
 *
 * <p>The splits are fixed by the provider from its options and seed: the same options and seed give
 * equal datasets. {@code validation} and {@code test} may be empty (language-modelling datasets often
 * have no test split); {@code train} never is. For {@link TaskKind#SEQUENCE_CLASSIFICATION} and
 * {@link TaskKind#SEQUENCE_TAGGING}, {@code labels} lists every class (or tag) seen in training, sorted,
 * and a class's index in that list is its class id; every label of the other splits is among them.
 * For the other kinds {@code labels} is empty.
 *
 * @param id          the provider's id, e.g. {@code sentiment}
 * @param description one line for reports, e.g. {@code UCI sentiment sentences (yelp)}
 * @param kind        the task
 * @param train       the training split, never empty
 * @param validation  the validation split, possibly empty
 * @param test        the test split, possibly empty
 * @param labels      the class labels, sorted; empty for language modelling and regression
 * @param provenance  where the data came from: source file names and their SHA-256, split sizes, seed,
 *                    options (keys such as {@code source}, {@code sha256}, {@code train.size},
 *                    {@code seed}); sorted by key
 * @since 0.1
 */
public record Dataset(String id, String description, TaskKind kind, List<Example> train, List<Example> validation,
                      List<Example> test, List<String> labels, Map<String, String> provenance) {
    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        labels = List.copyOf(labels);
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
        if (train.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + id + "' has an empty training split");
        }
    }

    /** The class id of a label: its index in {@link #labels()}, or -1 if the label is not a class. */
    public int labelIndex(String label) {
        return labels.indexOf(label);
    }

    /** The texts of the training split's {@link TextExample}s, in order: what {@link Tokenizer#fit} takes. */
    public List<String> trainingTexts() {
        return texts(train);
    }

    /** The texts of the {@link TextExample}s among {@code examples}, in order. */
    public static List<String> texts(List<Example> examples) {
        return examples.stream().filter(e -> e instanceof TextExample).map(e -> ((TextExample) e).text()).toList();
    }

    /** Number of examples over all three splits. */
    public int size() {
        return train.size() + validation.size() + test.size();
    }

    /** The split with this name: {@code train}, {@code validation} or {@code test}. */
    public List<Example> split(String name) {
        return switch (name) {
            case "train" -> train;
            case "validation" -> validation;
            case "test" -> test;
            default -> throw new IllegalArgumentException("no split '" + name + "'; splits: train, validation, test");
        };
    }
}
