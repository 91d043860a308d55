package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * Rows {@code [from, to)} of a matrix (a view, no copy), or columns {@code [from, to)} (copied, since
 * they are not contiguous).
 */
final class SliceNode extends Node {
    private final Node x;
    private final boolean columns;
    private final int from;

    private SliceNode(Graph graph, Tensor out, Node x, boolean columns, int from) {
        super(graph, out, x.requiresGrad);
        this.x = x;
        this.columns = columns;
        this.from = from;
    }

    static SliceNode rows(Graph graph, Node x, int from, int to) {
        return new SliceNode(graph, x.value.rows(from, to), x, false, from);
    }

    static SliceNode columns(Graph graph, Node x, int from, int to) {
        int rows = x.rows();
        int cols = x.cols();
        int width = to - from;
        Tensor out = graph.workspace().take(rows, width);
        float[] src = x.value.data();
        int so = x.value.offset();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, so + r * cols + from, out.data(), out.offset() + r * width, width);
        }
        return new SliceNode(graph, out, x, true, from);
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        Tensor dx = x.grad();
        if (!columns) {
            k.axpy(g.size(), 1f, g.data(), g.offset(), dx.data(), dx.offset() + from * x.cols());
            return;
        }
        int rows = rows();
        int width = cols();
        int cols = x.cols();
        for (int r = 0; r < rows; r++) {
            k.axpy(width, 1f, g.data(), g.offset() + r * width, dx.data(), dx.offset() + r * cols + from);
        }
    }
}
