/**
 * Training: the {@code bptt} and {@code tbptt} trainers, the optimisers ({@code sgd}, {@code momentum},
 * {@code nesterov}, {@code adam}, {@code adamw}, {@code rmsprop}, {@code adagrad}), learning-rate
 * schedules, metrics (classification metrics from Tribuo), gradient statistics, sampling and
 * checkpoints. Exports nothing; contributes its components through {@link org.rnnlab.api.Plugin}.
 */
module org.rnnlab.trainers {
    requires org.rnnlab.api;
    requires org.rnnlab.model;
    requires org.tribuo.core;
    requires org.tribuo.classification.core;

    opens org.rnnlab.trainers to com.google.guice;

    provides org.rnnlab.api.Plugin with org.rnnlab.trainers.TrainersPlugin;
}
