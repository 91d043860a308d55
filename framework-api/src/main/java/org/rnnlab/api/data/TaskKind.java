package org.rnnlab.api.data;

/**
 * What a dataset asks a model to do, which decides the model's head and loss.
 *
 * @since 0.1
 */
public enum TaskKind {
    /** Predict each next token of a text ({@link TextExample} with an empty label). */
    LANGUAGE_MODELLING,
    /** Many-to-one: one label per sequence ({@link TextExample#label()}). */
    SEQUENCE_CLASSIFICATION,
    /** Many-to-many: one tag per token ({@link TextExample#tags()}). */
    SEQUENCE_TAGGING,
    /** Many-to-one with numbers: a target vector per sequence ({@link VectorExample}). */
    SEQUENCE_REGRESSION,
    /** Many-to-many of another length: an output text per input text ({@link PairExample}). */
    SEQUENCE_TO_SEQUENCE,
    /**
     * Many-to-many with sets: at each step the outputs that are on (the keys that sound), predicted from the
     * steps before ({@link VectorExample} multi-hot steps and an empty target).
     */
    MULTI_LABEL_SEQUENCE
}
