package org.rnnlab.api.task;

import java.util.List;

/**
 * A dataset encoded by its {@link Task}: every example of every split ready to batch. Only the task that
 * made it reads its content; trainers see the sizes they batch by.
 *
 * @since 0.1
 */
public interface TaskData {

    /** Each example's number of steps in a split ({@code train}, {@code validation}, {@code test}), what batches bucket by. */
    int[] lengths(String split);

    /** The class labels (sorted; a class id is an index), empty for tasks without classes. */
    List<String> labels();

    /** Whether {@code text} is one of the training texts, to tell novel samples from remembered ones. */
    default boolean inTraining(String text) {
        return false;
    }
}
