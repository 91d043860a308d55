package org.rnnlab.engine.kernel;

/**
 * The two operations of sparse training over the rows of a table, as word2vec does for each (word, context)
 * pair: a dot product of two rows, and one exchange between a row pair. {@link ScalarRowKernels} is the
 * plain-loop reference, {@link VectorRowKernels} runs on the Vector API; {@link #get()} follows the choice of
 * {@link Kernels#get()}.
 *
 * <p>Contract: the same bits whatever the implementation. {@link #dot} keeps eight float partial sums, lane
 * {@code i mod 8} taking element {@code i} by a fused multiply-add in increasing order, adds them as
 * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))} and then the last {@code n mod 8} elements by fused
 * multiply-adds; {@link #exchange} is two fused multiply-adds per element. Neither allocates. An instance is
 * not shared between threads.
 */
public interface RowKernels {

    /** The kernels of this JVM's choice (the Vector API ones when {@link Kernels#get()} is {@code vector}). */
    static RowKernels get() {
        if (!Kernels.get().name().equals("vector")) {
            return new ScalarRowKernels();
        }
        try {
            // by name, as KernelSelection does, so that this interface loads without the incubator module
            return (RowKernels) Class.forName("org.rnnlab.engine.kernel.VectorRowKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Vector API row kernels", e);
        }
    }

    /** {@code "scalar"} or {@code "vector"}. */
    String name();

    /** {@code sum_i x[xOff + i] * y[yOff + i]} over {@code n} elements, in the order of the class comment. */
    float dot(int n, float[] x, int xOff, float[] y, int yOff);

    /**
     * For each of {@code n} elements, first {@code acc += g * out}, then {@code out += g * in}: the context row
     * {@code out} passes its share of the error to {@code acc} (the input row's update, applied later) and
     * moves along the input row {@code in}. {@code acc} must not overlap {@code out}.
     */
    void exchange(int n, float g, float[] in, int inOff, float[] out, int outOff, float[] acc, int accOff);
}
