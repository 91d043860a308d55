package org.rnnlab.api.cell;

import org.rnnlab.engine.autodiff.FusedOp;

/**
 * A cell's hand-written kernel over a whole sequence, as one {@link FusedOp}: the input projection of
 * all steps as one GEMM, the recurrent product per step, and the weight gradients as one GEMM over all
 * {@code T*B} rows after the backward sweep.
 *
 * <p>The op's inputs are, in order: {@code x [T*B, I]} (time-major rows), the initial states
 * ({@code [B, H]} each, in {@link Cell#stateNames()} order), an optional row mask {@code [T*B, 1]}
 * when {@code masked} (a padded step keeps the state unchanged), then the parameters in
 * {@link Cell#parameters()} order. Its outputs are {@code y [T*B, H]} then the final states.
 */
public interface SequenceKernel {

    /**
     * An op for sequences of {@code steps} steps of {@code batch} rows. If {@code stepGradientNorms}
     * is not null (length {@code steps}), backward writes the norm of the complete gradient that
     * reached {@code h_t} into entry {@code t}.
     */
    FusedOp sequenceOp(int steps, int batch, boolean masked, double[] stepGradientNorms);
}
