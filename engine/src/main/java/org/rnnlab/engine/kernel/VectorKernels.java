package org.rnnlab.engine.kernel;

/** Vector API kernels. Being written with the engine work. */
public abstract class VectorKernels implements Kernels {
}
