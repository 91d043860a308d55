package org.rnnlab.model;

import java.util.Arrays;

/**
 * One batch for a {@link SequenceModel}: padded inputs and their targets.
 *
 * @since 0.1
 */
public record ModelBatch(ModelInput input, Targets targets) {

    public int steps() {
        return input.steps();
    }

    public int batchSize() {
        return input.batchSize();
    }

    /**
     * Steps {@code [from, to)} of this batch, for truncated back-propagation. Per-step targets are cut
     * alike; per-sequence targets are kept (a model applies them only to a chunk that ends the batch).
     */
    public ModelBatch slice(int from, int to) {
        if (from < 0 || to > steps() || from >= to) {
            throw new IllegalArgumentException("steps [" + from + ", " + to + ") outside a batch of " + steps() + " steps");
        }
        Targets cut = switch (targets) {
            case Targets.StepClasses s -> new Targets.StepClasses(
                    Arrays.copyOfRange(s.classes(), from * batchSize(), to * batchSize()));
            case Targets.StepKeys k -> new Targets.StepKeys(
                    Arrays.copyOfRange(k.values(), from * batchSize() * k.outputs(), to * batchSize() * k.outputs()), k.outputs());
            case Targets.SequenceClasses s -> s;
            case Targets.SequenceValues s -> s;
        };
        return new ModelBatch(input.slice(from, to), cut);
    }

    /** Number of loss terms: real steps for per-step targets, sequences otherwise. */
    public int lossTerms() {
        return switch (targets) {
            case Targets.StepClasses _, Targets.StepKeys _ -> {
                int n = 0;
                for (float m : input.mask()) {
                    n += m != 0 ? 1 : 0;
                }
                yield n;
            }
            case Targets.SequenceClasses s -> batchSize();
            case Targets.SequenceValues s -> batchSize();
        };
    }
}
