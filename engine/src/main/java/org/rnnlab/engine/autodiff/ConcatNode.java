package org.rnnlab.engine.autodiff;

import java.util.List;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** Matrices side by side ({@code columns}) or stacked (rows). */
final class ConcatNode extends Node {
    private final Node[] parts;
    private final boolean columns;

    ConcatNode(Graph graph, Tensor out, Node[] parts, boolean columns) {
        super(graph, out, anyRequiresGrad(parts));
        this.parts = parts;
        this.columns = columns;
        int rows = rows();
        int cols = cols();
        int at = 0;
        for (Node p : parts) {
            Tensor v = p.value;
            if (columns) {
                int w = p.cols();
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(v.data(), v.offset() + r * w, out.data(), out.offset() + r * cols + at, w);
                }
                at += w;
            } else {
                System.arraycopy(v.data(), v.offset(), out.data(), out.offset() + at, v.size());
                at += v.size();
            }
        }
    }

    static boolean anyRequiresGrad(Node[] nodes) {
        for (Node n : nodes) {
            if (n.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    static Node[] nodes(Graph graph, List<Var> vars) {
        Node[] nodes = new Node[vars.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = graph.node(vars.get(i), "part " + i);
        }
        return nodes;
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int rows = rows();
        int cols = cols();
        int at = 0;
        for (Node p : parts) {
            int w = p.cols();
            int size = p.value.size();
            if (p.requiresGrad) {
                Tensor dp = p.grad();
                if (columns) {
                    for (int r = 0; r < rows; r++) {
                        k.axpy(w, 1f, g.data(), g.offset() + r * cols + at, dp.data(), dp.offset() + r * w);
                    }
                } else {
                    k.axpy(size, 1f, g.data(), g.offset() + at, dp.data(), dp.offset());
                }
            }
            at += columns ? w : size;
        }
    }
}
