package org.rnnlab.engine.kernel;

/** Plain-loop reference kernels. Being written with the engine work. */
public abstract class ScalarKernels implements Kernels {
}
