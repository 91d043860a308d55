package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/**
 * An operation with hand-written forward and backward kernels, placed on a {@link Graph} as one node.
 * Cells use it to replace a chain of primitives (a whole time step, or a whole sequence) with one
 * kernel. Contract: {@code backward} adds (never overwrites) into every non-null {@code gradInputs[i]},
 * and may use anything it kept from {@code forward} on the same instance.
 */
public interface FusedOp {

    /** A short name for error messages and profiles, e.g. {@code "lstm-sequence"}. */
    String name();

    /** The shapes of the outputs for these input shapes; checks the inputs and names what is wrong. */
    int[][] outputShapes(Tensor[] inputs);

    /** Computes {@code outputs} (already allocated with {@link #outputShapes}) from {@code inputs}. */
    void forward(Tensor[] inputs, Tensor[] outputs, Workspace workspace);

    /**
     * Adds the gradient of the loss with respect to each input into {@code gradInputs[i]} (null where an
     * input needs no gradient), given the gradients reaching each output ({@code gradOutputs[j]},
     * zeros where an output was unused).
     */
    void backward(Tensor[] inputs, Tensor[] outputs, Tensor[] gradOutputs, Tensor[] gradInputs, Workspace workspace);
}
