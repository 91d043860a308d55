package org.rnnlab.model;

/**
 * What a batch should predict, by task: a class at every step (language modelling: the next token;
 * tagging: the tag), one class per sequence (classification) or numbers per sequence (regression).
 * Padded steps carry no target: the input's mask excludes them.
 *
 * @since 0.1
 */
public sealed interface Targets {

    /** One class per step, time-major {@code [T * B]} like the input; padded entries are ignored. */
    record StepClasses(int[] classes) implements Targets {}

    /** One class per sequence, {@code [B]}, predicted from the sequence's last real step. */
    record SequenceClasses(int[] classes) implements Targets {}

    /** {@code outputs} numbers per sequence, {@code [B * outputs]}, predicted from the last real step (MSE). */
    record SequenceValues(float[] values, int outputs) implements Targets {}

    /**
     * The set of outputs on at every step, time-major {@code [T * B * outputs]} of 0 or 1 (multi-label: one
     * sigmoid per output, binary cross-entropy summed over the outputs); padded entries are ignored.
     */
    record StepKeys(float[] values, int outputs) implements Targets {}
}
