package org.rnnlab.engine.autodiff;

import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;

/**
 * A tape for reverse-mode automatic differentiation. Every operation records a node; {@link #backward}
 * walks the tape in reverse and accumulates gradients. Buffers come from a {@link Workspace}; after
 * {@link #reset()} the tape is empty and the next step reuses the same buffers, so a training step in
 * steady state allocates next to nothing.
 *
 * <p>Matrices are {@code [rows, cols]}; a sequence is time-major with {@code T*B} rows. Shapes are
 * checked when an operation is recorded.
 */
public final class Graph {
    // The engine work fills this in; the signatures below are the contract cells and trainers use.

    public Graph(Workspace workspace) { throw notYet(); }

    /** A value that receives no gradient. */
    public Var constant(Tensor value) { throw notYet(); }

    /** A leaf whose gradient is added into {@code grad} (same shape as {@code value}) by {@link #backward}. */
    public Var parameter(Tensor value, Tensor grad) { throw notYet(); }

    /** {@code a[m,k] * b[k,n]}. */
    public Var matmul(Var a, Var b) { throw notYet(); }

    /** {@code a[m,k] * w[n,k]^T} (the PyTorch {@code Linear} layout). */
    public Var matmulTransposed(Var a, Var w) { throw notYet(); }

    /** Element-wise {@code a + b} (same shapes). */
    public Var add(Var a, Var b) { throw notYet(); }

    /** Element-wise {@code a - b}. */
    public Var sub(Var a, Var b) { throw notYet(); }

    /** Element-wise {@code a * b}. */
    public Var mul(Var a, Var b) { throw notYet(); }

    /** {@code alpha * a}. */
    public Var scale(Var a, float alpha) { throw notYet(); }

    /** {@code 1 - a}. */
    public Var oneMinus(Var a) { throw notYet(); }

    /** {@code x[m,n] + bias[n]} on every row. */
    public Var addBias(Var x, Var bias) { throw notYet(); }

    public Var sigmoid(Var x) { throw notYet(); }

    public Var tanh(Var x) { throw notYet(); }

    public Var relu(Var x) { throw notYet(); }

    /** Columns {@code [from, to)} of a matrix (features), e.g. one gate of a stacked projection. */
    public Var sliceColumns(Var x, int from, int to) { throw notYet(); }

    /** Matrices side by side (same row count). */
    public Var concatColumns(List<Var> parts) { throw notYet(); }

    /** Rows {@code [from, to)} of a matrix, e.g. the {@code B} rows of one time step. */
    public Var sliceRows(Var x, int from, int to) { throw notYet(); }

    /** Matrices stacked (same column count), e.g. the outputs of all time steps. */
    public Var concatRows(List<Var> parts) { throw notYet(); }

    /** {@code out[i] = table[ids[i]]}; {@code table} is {@code [V, E]}. */
    public Var embedding(Var table, int[] ids) { throw notYet(); }

    /** Per row: {@code mask[r] ? a[r] : b[r]} ({@code mask} has one entry per row, 0 or 1). */
    public Var selectRows(Tensor mask, Var a, Var b) { throw notYet(); }

    /**
     * Softmax cross-entropy of {@code logits[rows, classes]} against {@code targets}: the mean over rows
     * with {@code mask[r] != 0} ({@code mask} may be null). A scalar.
     */
    public Var softmaxCrossEntropy(Var logits, int[] targets, Tensor mask) { throw notYet(); }

    /** Mean squared error over the elements of rows with {@code mask[r] != 0}. A scalar. */
    public Var meanSquaredError(Var prediction, Tensor target, Tensor mask) { throw notYet(); }

    /** Sum of {@code x * weights} over all elements (a probe loss, as in the PyTorch reference). A scalar. */
    public Var dot(Var x, Tensor weights) { throw notYet(); }

    /** Records a fused operation; returns its outputs in order. */
    public List<Var> fused(FusedOp op, List<Var> inputs) { throw notYet(); }

    /** Calls {@code hook} during {@link #backward} with the complete gradient that reached {@code v}. */
    public void watchGradient(Var v, Consumer<Tensor> hook) { throw notYet(); }

    /** Back-propagates from a scalar {@code loss} (seed 1). */
    public void backward(Var loss) { throw notYet(); }

    /** Clears the tape and returns its buffers to the workspace for the next step. */
    public void reset() { throw notYet(); }

    private static IllegalStateException notYet() {
        return new IllegalStateException("Graph is being written");
    }
}
