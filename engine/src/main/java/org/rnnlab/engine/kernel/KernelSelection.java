package org.rnnlab.engine.kernel;

/** Picks the kernels once per JVM; see {@link Kernels}. Filled in by the engine work. */
final class KernelSelection {
    static final Kernels SELECTED = select();

    private KernelSelection() {}

    private static Kernels select() {
        throw new IllegalStateException("kernel selection not written yet");
    }
}
