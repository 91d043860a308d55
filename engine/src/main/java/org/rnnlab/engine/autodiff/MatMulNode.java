package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** {@code a[m,k] * b[k,n]}, or {@code a[m,k] * b[n,k]^T} when {@code transposed}. */
final class MatMulNode extends Node {
    private final Node a;
    private final Node b;
    private final boolean transposed;
    private final int m;
    private final int n;
    private final int k;

    MatMulNode(Graph graph, Tensor out, Node a, Node b, boolean transposed) {
        super(graph, out, a.requiresGrad || b.requiresGrad);
        this.a = a;
        this.b = b;
        this.transposed = transposed;
        this.m = a.value.dim(0);
        this.k = a.value.dim(1);
        this.n = transposed ? b.value.dim(0) : b.value.dim(1);
        Tensor av = a.value;
        Tensor bv = b.value;
        if (transposed) {
            graph.kernels().gemmNT(m, n, k, av.data(), av.offset(), k, bv.data(), bv.offset(), k,
                    out.data(), out.offset(), n, false);
        } else {
            graph.kernels().gemmNN(m, n, k, av.data(), av.offset(), k, bv.data(), bv.offset(), n,
                    out.data(), out.offset(), n, false);
        }
    }

    @Override
    void propagate(Tensor g, Kernels kernels) {
        Tensor av = a.value;
        Tensor bv = b.value;
        if (a.requiresGrad) {
            Tensor da = a.grad();
            if (transposed) {
                // dA[m,k] += dC[m,n] * W[n,k]
                kernels.gemmNN(m, k, n, g.data(), g.offset(), n, bv.data(), bv.offset(), k,
                        da.data(), da.offset(), k, true);
            } else {
                // dA[m,k] += dC[m,n] * B[k,n]^T
                kernels.gemmNT(m, k, n, g.data(), g.offset(), n, bv.data(), bv.offset(), n,
                        da.data(), da.offset(), k, true);
            }
        }
        if (b.requiresGrad) {
            Tensor db = b.grad();
            if (transposed) {
                // dW[n,k] += dC[m,n]^T * A[m,k]
                kernels.gemmTN(n, k, m, g.data(), g.offset(), n, av.data(), av.offset(), k,
                        db.data(), db.offset(), k, true);
            } else {
                // dB[k,n] += A[m,k]^T * dC[m,n]
                kernels.gemmTN(k, n, m, av.data(), av.offset(), k, g.data(), g.offset(), n,
                        db.data(), db.offset(), n, true);
            }
        }
    }
}
