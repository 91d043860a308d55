package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;

/** A value recorded on a {@link Graph}: its tensor, and after {@link Graph#backward} its gradient. */
public interface Var {

    Tensor value();

    /** The gradient of the loss with respect to this value; zeros until {@link Graph#backward} ran. */
    Tensor grad();

    /** Whether a gradient flows into this value (false for constants). */
    boolean requiresGrad();

    default int[] shape() { return value().shape(); }
}
