package org.rnnlab.api.task;

import java.util.Map;

/**
 * The metrics of a model on one split, and for classifiers the confusion matrix ({@code [actual][predicted]}
 * over {@link TaskData#labels()}), else null.
 *
 * @since 0.1
 */
public record TaskEvaluation(Map<String, Double> metrics, long[][] confusion) {
    public TaskEvaluation {
        metrics = Map.copyOf(metrics);
    }
}
