package org.rnnlab.engine.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.ElementwiseNode.Kind;
import org.rnnlab.engine.kernel.Kernels;

/**
 * A tape for reverse-mode automatic differentiation. Every operation records a node; {@link #backward}
 * walks the tape in reverse and accumulates gradients. Buffers come from a {@link Workspace}; after
 * {@link #reset()} the tape is empty and the next step reuses the same buffers, so a training step in
 * steady state allocates next to nothing.
 *
 * <p>Matrices are {@code [rows, cols]}; a sequence is time-major with {@code T*B} rows. Shapes are
 * checked when an operation is recorded. Arrays passed in ({@code ids}, {@code targets}) and tensors
 * ({@code mask}, {@code target}, {@code weights}) are kept by reference until {@link #reset()}.
 */
public final class Graph {
    private final Workspace workspace;
    private final Kernels kernels;
    private final ArrayList<TapeEntry> tape = new ArrayList<>();
    private boolean backwardDone;

    public Graph(Workspace workspace) {
        this(workspace, Kernels.get());
    }

    /** A graph on explicit kernels (tests run both implementations). */
    public Graph(Workspace workspace, Kernels kernels) {
        this.workspace = workspace;
        this.kernels = kernels;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Kernels kernels() {
        return kernels;
    }

    /** A value that receives no gradient. */
    public Var constant(Tensor value) {
        return record(new Leaf(this, value, null));
    }

    /** A leaf whose gradient is added into {@code grad} (same shape as {@code value}) by {@link #backward}. */
    public Var parameter(Tensor value, Tensor grad) {
        grad.requireShape("gradient of parameter " + value, value.shape());
        return record(new Leaf(this, value, grad));
    }

    /** {@code a[m,k] * b[k,n]}. */
    public Var matmul(Var a, Var b) {
        Node x = matrix(a, "matmul left");
        Node y = matrix(b, "matmul right");
        if (x.value.dim(1) != y.value.dim(0)) {
            throw new ShapeException("matmul: " + x.value + " * " + y.value + " (inner dimensions differ)");
        }
        return record(new MatMulNode(this, workspace.take(x.value.dim(0), y.value.dim(1)), x, y, false));
    }

    /** {@code a[m,k] * w[n,k]^T} (the PyTorch {@code Linear} layout). */
    public Var matmulTransposed(Var a, Var w) {
        Node x = matrix(a, "matmulTransposed left");
        Node y = matrix(w, "matmulTransposed right");
        if (x.value.dim(1) != y.value.dim(1)) {
            throw new ShapeException("matmulTransposed: " + x.value + " * " + y.value + "^T (inner dimensions differ)");
        }
        return record(new MatMulNode(this, workspace.take(x.value.dim(0), y.value.dim(0)), x, y, true));
    }

    /** Element-wise {@code a + b} (same shapes). */
    public Var add(Var a, Var b) {
        return binary(Kind.ADD, a, b);
    }

    /** Element-wise {@code a - b}. */
    public Var sub(Var a, Var b) {
        return binary(Kind.SUB, a, b);
    }

    /** Element-wise {@code a * b}. */
    public Var mul(Var a, Var b) {
        return binary(Kind.MUL, a, b);
    }

    /** {@code alpha * a}. */
    public Var scale(Var a, float alpha) {
        return unary(Kind.SCALE, a, alpha);
    }

    /** {@code 1 - a}. */
    public Var oneMinus(Var a) {
        return unary(Kind.ONE_MINUS, a, 0f);
    }

    /** {@code x[m,n] + bias[n]} on every row. */
    public Var addBias(Var x, Var bias) {
        Node m = matrix(x, "addBias input");
        Node b = node(bias, "addBias bias");
        if (b.value.size() != m.cols() || b.value.rank() > 2 || (b.value.rank() == 2 && b.value.dim(0) != 1)) {
            throw new ShapeException("addBias: bias " + b.value + " does not match the columns of " + m.value);
        }
        return record(new ElementwiseNode(this, workspace.take(m.value.shape()), Kind.ADD_BIAS, m, b, 0f));
    }

    /** {@code x[m,n] * vector[n]} on every row (element-wise; an IndRNN's {@code u * h}). */
    public Var mulRowVector(Var x, Var vector) {
        Node m = matrix(x, "mulRowVector matrix");
        Node v = node(vector, "mulRowVector vector");
        if (v.value.rank() != 1 || v.value.size() != m.cols()) {
            throw new ShapeException("mulRowVector: vector " + v.value + " needs rank 1 and one entry per column of " + m.value);
        }
        return record(new RowVectorProductNode(this, workspace.take(m.value.shape()), m, v));
    }

    public Var sigmoid(Var x) {
        return unary(Kind.SIGMOID, x, 0f);
    }

    public Var tanh(Var x) {
        return unary(Kind.TANH, x, 0f);
    }

    public Var relu(Var x) {
        return unary(Kind.RELU, x, 0f);
    }

    /** Columns {@code [from, to)} of a matrix (features), e.g. one gate of a stacked projection. */
    public Var sliceColumns(Var x, int from, int to) {
        Node m = matrix(x, "sliceColumns input");
        if (from < 0 || to > m.cols() || from > to) {
            throw new ShapeException("sliceColumns [" + from + ", " + to + ") out of range for " + m.value);
        }
        return record(SliceNode.columns(this, m, from, to));
    }

    /** Matrices side by side (same row count). */
    public Var concatColumns(List<Var> parts) {
        Node[] nodes = ConcatNode.nodes(this, parts);
        if (nodes.length == 0) {
            throw new ShapeException("concatColumns: no parts");
        }
        int rows = nodes[0].value.rank() == 2 ? nodes[0].rows() : -1;
        int cols = 0;
        for (Node p : nodes) {
            if (p.value.rank() != 2 || p.rows() != rows) {
                throw new ShapeException("concatColumns: parts need rank 2 and the same row count, got " + shapes(nodes));
            }
            cols += p.cols();
        }
        return record(new ConcatNode(this, workspace.take(rows, cols), nodes, true));
    }

    /** Rows {@code [from, to)} of a matrix, e.g. the {@code B} rows of one time step. */
    public Var sliceRows(Var x, int from, int to) {
        Node m = matrix(x, "sliceRows input");
        if (from < 0 || to > m.rows() || from > to) {
            throw new ShapeException("sliceRows [" + from + ", " + to + ") out of range for " + m.value);
        }
        return record(SliceNode.rows(this, m, from, to));
    }

    /** Matrices stacked (same column count), e.g. the outputs of all time steps. */
    public Var concatRows(List<Var> parts) {
        Node[] nodes = ConcatNode.nodes(this, parts);
        if (nodes.length == 0) {
            throw new ShapeException("concatRows: no parts");
        }
        int cols = nodes[0].value.rank() == 2 ? nodes[0].cols() : -1;
        int rows = 0;
        for (Node p : nodes) {
            if (p.value.rank() != 2 || p.cols() != cols) {
                throw new ShapeException("concatRows: parts need rank 2 and the same column count, got " + shapes(nodes));
            }
            rows += p.rows();
        }
        return record(new ConcatNode(this, workspace.take(rows, cols), nodes, false));
    }

    /** {@code out[i] = table[ids[i]]}; {@code table} is {@code [V, E]}. */
    public Var embedding(Var table, int[] ids) {
        Node t = matrix(table, "embedding table");
        int vocab = t.rows();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException("embedding: id " + ids[i] + " at position " + i
                        + " is outside the table of " + vocab + " rows");
            }
        }
        return record(new EmbeddingNode(this, workspace.take(ids.length, t.cols()), t, ids));
    }

    /** Per row: {@code mask[r] ? a[r] : b[r]} ({@code mask} has one entry per row, 0 or 1). */
    public Var selectRows(Tensor mask, Var a, Var b) {
        Node x = matrix(a, "selectRows a");
        Node y = matrix(b, "selectRows b");
        if (!x.value.sameShape(y.value) || mask.size() != x.rows()) {
            throw new ShapeException("selectRows: a " + x.value + ", b " + y.value + " and mask " + mask
                    + " need equal shapes and one mask entry per row");
        }
        return record(new SelectRowsNode(this, workspace.take(x.value.shape()), mask, x, y));
    }

    /** The same elements under another shape of equal size (a view). */
    public Var reshape(Var x, int... shape) {
        return record(new ReshapeNode(this, node(x, "reshape input"), shape));
    }

    /**
     * {@code out[s, b] = rows[s*B + b] . query[b]}, {@code [S, B]}: each row of a time-major sequence
     * {@code rows [S*B, K]} dotted with its sequence's row of {@code query [B, K]}.
     */
    public Var blockDot(Var rows, Var query) {
        Node x = matrix(rows, "blockDot rows");
        Node q = matrix(query, "blockDot query");
        if (q.cols() != x.cols() || x.rows() % q.rows() != 0) {
            throw new ShapeException("blockDot: rows " + x.value + " need blocks of query " + q.value + "'s shape");
        }
        return record(new BlockDotNode(this, workspace.take(x.rows() / q.rows(), q.rows()), x, q));
    }

    /**
     * {@code out[b] = sum_s weights[s, b] * rows[s*B + b]}, {@code [B, H]}: per sequence, the weighted
     * sum of its rows in a time-major sequence {@code rows [S*B, H]}.
     */
    public Var blockWeightedSum(Var weights, Var rows) {
        Node w = matrix(weights, "blockWeightedSum weights");
        Node x = matrix(rows, "blockWeightedSum rows");
        if (w.rows() * w.cols() != x.rows()) {
            throw new ShapeException("blockWeightedSum: weights " + w.value + " need one entry per row of " + x.value);
        }
        return record(new BlockWeightedSumNode(this, workspace.take(w.cols(), x.cols()), w, x));
    }

    /** {@code rows[s*B + b] + block[b]}: a {@code [B, n]} block added to every block of {@code rows [S*B, n]}. */
    public Var addToBlocks(Var rows, Var block) {
        Node x = matrix(rows, "addToBlocks rows");
        Node b = matrix(block, "addToBlocks block");
        if (b.cols() != x.cols() || x.rows() % b.rows() != 0) {
            throw new ShapeException("addToBlocks: rows " + x.value + " need blocks of " + b.value + "'s shape");
        }
        return record(new AddToBlocksNode(this, workspace.take(x.value.shape()), x, b));
    }

    /**
     * {@code out[s, b] = weights . tanh(rows[s*B + b] + block[b])}, {@code [S, B]}: {@link #addToBlocks},
     * tanh and a product with {@code weights [1, n]} in one node (the additive score of attention).
     */
    public Var blockTanhDot(Var rows, Var block, Var weights) {
        Node x = matrix(rows, "blockTanhDot rows");
        Node b = matrix(block, "blockTanhDot block");
        Node w = matrix(weights, "blockTanhDot weights");
        if (b.cols() != x.cols() || x.rows() % b.rows() != 0 || w.rows() != 1 || w.cols() != x.cols()) {
            throw new ShapeException("blockTanhDot: rows " + x.value + " need blocks of " + b.value
                    + "'s shape and weights of one row as wide, got " + w.value);
        }
        return record(new BlockTanhDotNode(this, workspace.take(x.rows() / b.rows(), b.rows()), x, b, w));
    }

    /**
     * Softmax down each column of {@code x [S, B]} over the entries with {@code mask[s*B + b] != 0}
     * ({@code mask} may be null); masked entries are 0, a column without entries is all zeros.
     */
    public Var softmaxColumns(Var x, Tensor mask) {
        Node n = matrix(x, "softmaxColumns input");
        if (mask != null && mask.size() != n.value.size()) {
            throw new ShapeException("softmaxColumns: mask " + mask + " needs one entry per element of " + n.value);
        }
        return record(new ColumnSoftmaxNode(this, workspace.take(n.value.shape()), n, mask));
    }

    /**
     * Softmax cross-entropy of {@code logits[rows, classes]} against {@code targets}: the mean over rows
     * with {@code mask[r] != 0} ({@code mask} may be null). A scalar.
     */
    public Var softmaxCrossEntropy(Var logits, int[] targets, Tensor mask) {
        Node l = matrix(logits, "softmaxCrossEntropy logits");
        int rows = l.rows();
        if (targets.length != rows || (mask != null && mask.size() != rows)) {
            throw new ShapeException("softmaxCrossEntropy: logits " + l.value + " need " + rows + " targets (got "
                    + targets.length + ")" + (mask == null ? "" : " and a mask of " + rows + " (got " + mask + ")"));
        }
        for (int r = 0; r < rows; r++) {
            boolean counted = mask == null || mask.data()[mask.offset() + r] != 0f;
            if (counted && (targets[r] < 0 || targets[r] >= l.cols())) {
                throw new IllegalArgumentException("softmaxCrossEntropy: target " + targets[r] + " at row " + r
                        + " is outside the " + l.cols() + " classes");
            }
        }
        return record(LossNode.softmaxCrossEntropy(this, l, targets, mask));
    }

    /**
     * Binary cross-entropy of one sigmoid per column of {@code logits[rows, outputs]} against {@code target}
     * (same shape, values in [0, 1]): summed over the outputs, averaged over the rows with {@code mask[r] != 0}
     * ({@code mask} may be null). A scalar.
     */
    public Var binaryCrossEntropyWithLogits(Var logits, Tensor target, Tensor mask) {
        return record(BinaryCrossEntropy.of(this, logits, target, mask));
    }

    /** Mean squared error over the elements of rows with {@code mask[r] != 0}. A scalar. */
    public Var meanSquaredError(Var prediction, Tensor target, Tensor mask) {
        Node p = matrix(prediction, "meanSquaredError prediction");
        if (!p.value.sameShape(target) || (mask != null && mask.size() != p.rows())) {
            throw new ShapeException("meanSquaredError: prediction " + p.value + ", target " + target
                    + (mask == null ? "" : ", mask " + mask) + " need equal shapes and one mask entry per row");
        }
        return record(LossNode.meanSquaredError(this, p, target, mask));
    }

    /** Sum of {@code x * weights} over all elements (a probe loss, as in the PyTorch reference). A scalar. */
    public Var dot(Var x, Tensor weights) {
        Node n = node(x, "dot input");
        if (!n.value.sameShape(weights)) {
            throw new ShapeException("dot: input " + n.value + " and weights " + weights + " differ in shape");
        }
        return record(LossNode.dot(this, n, weights));
    }

    /** Records a fused operation; returns its outputs in order. */
    public List<Var> fused(FusedOp op, List<Var> inputs) {
        Node[] nodes = ConcatNode.nodes(this, inputs);
        FusedCall call = new FusedCall(this, op, nodes);
        tape.add(call);
        for (Node o : call.outputNodes()) {
            tape.add(o);
        }
        return call.outputs();
    }

    /** Calls {@code hook} during {@link #backward} with the complete gradient that reached {@code v}. */
    public void watchGradient(Var v, Consumer<Tensor> hook) {
        Node n = node(v, "watched value");
        if (!n.requiresGrad) {
            throw new IllegalArgumentException("watchGradient: " + n.value + " is a constant and receives no gradient");
        }
        n.addHook(hook);
    }

    /** Back-propagates from a scalar {@code loss} (seed 1). */
    public void backward(Var loss) {
        Node l = node(loss, "loss");
        if (l.value.size() != 1) {
            throw new ShapeException("backward: the loss must be a scalar, got " + l.value);
        }
        if (backwardDone) {
            throw new IllegalStateException("backward already ran on this tape; call reset() first");
        }
        backwardDone = true;
        if (!l.requiresGrad) {
            return;
        }
        l.grad().fill(1f);
        for (int i = tape.size() - 1; i >= 0; i--) {
            tape.get(i).backward();
        }
    }

    /** Clears the tape and returns its buffers to the workspace for the next step. */
    public void reset() {
        tape.clear();
        backwardDone = false;
        workspace.releaseAll();
    }

    Node node(Var v, String what) {
        if (!(v instanceof Node n) || n.graph != this) {
            throw new IllegalArgumentException(what + " was not recorded on this graph: " + v);
        }
        return n;
    }

    private Node matrix(Var v, String what) {
        Node n = node(v, what);
        if (n.value.rank() != 2) {
            throw new ShapeException(what + ": expected a matrix but shape is " + Arrays.toString(n.value.shape()));
        }
        return n;
    }

    private Var binary(Kind kind, Var a, Var b) {
        Node x = node(a, kind + " left");
        Node y = node(b, kind + " right");
        if (!x.value.sameShape(y.value)) {
            throw new ShapeException(kind.name().toLowerCase() + ": shapes differ, "
                    + Arrays.toString(x.value.shape()) + " vs " + Arrays.toString(y.value.shape()));
        }
        return record(new ElementwiseNode(this, workspace.take(x.value.shape()), kind, x, y, 0f));
    }

    private Var unary(Kind kind, Var a, float alpha) {
        Node x = node(a, kind + " input");
        return record(new ElementwiseNode(this, workspace.take(x.value.shape()), kind, x, null, alpha));
    }

    private Node record(Node n) {
        tape.add(n);
        return n;
    }

    private static String shapes(Node[] nodes) {
        StringBuilder s = new StringBuilder();
        for (Node n : nodes) {
            s.append(Arrays.toString(n.value.shape()));
        }
        return s.toString();
    }
}
