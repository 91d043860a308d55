package org.rnnlab.datasets;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.data.PianoRoll;

/**
 * Piano rolls in training, validation and test splits, with where they came from.
 *
 * @param train      the training rolls, never empty
 * @param validation the validation rolls
 * @param test       the test rolls
 * @param provenance source files and their SHA-256, split sizes, options; sorted by key
 */
public record PianoRollSplits(List<PianoRoll> train, List<PianoRoll> validation, List<PianoRoll> test,
                              Map<String, String> provenance) {
    public PianoRollSplits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no piano rolls to train on");
        }
    }

    /** Time steps over all rolls of a split. */
    public static int steps(List<PianoRoll> rolls) {
        return rolls.stream().mapToInt(PianoRoll::length).sum();
    }
}
