package org.rnnlab.api.train;

import org.rnnlab.engine.Tensor;

/** A trainable tensor, its gradient (same shape) and its name ({@code weight_ih_l0}, {@code head.weight}). */
public record Parameter(String name, Tensor value, Tensor grad) {}
