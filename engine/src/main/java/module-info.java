/**
 * The numeric core of rnnlab: float32 tensors, kernels (a scalar reference and a Vector API
 * implementation), a reverse-mode autodiff tape with fused operations, and workspaces.
 * It knows nothing of experiments or plugins.
 */
module org.rnnlab.engine {
    requires jdk.incubator.vector;
    requires static jdk.management;

    exports org.rnnlab.engine;
    exports org.rnnlab.engine.kernel;
    exports org.rnnlab.engine.autodiff;
}
