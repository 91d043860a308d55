package org.rnnlab.engine.autodiff;

import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/** Element-wise operations of one or two same-shaped inputs (and {@code addBias}, row-broadcast). */
final class ElementwiseNode extends Node {

    enum Kind { ADD, SUB, MUL, SCALE, ONE_MINUS, ADD_BIAS, SIGMOID, TANH, RELU }

    private final Kind kind;
    private final Node a;
    private final Node b;
    private final float alpha;

    /** {@code b} is null for unary kinds; {@code alpha} is used by {@link Kind#SCALE} only. */
    ElementwiseNode(Graph graph, Tensor out, Kind kind, Node a, Node b, float alpha) {
        super(graph, out, a.requiresGrad || (b != null && b.requiresGrad));
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.alpha = alpha;
        forward(graph.kernels());
    }

    private void forward(Kernels k) {
        int n = value.size();
        float[] o = value.data();
        int oo = value.offset();
        Tensor x = a.value;
        switch (kind) {
            case ADD -> k.add(n, x.data(), x.offset(), b.value.data(), b.value.offset(), o, oo);
            case SUB -> {
                value.copyFrom(x);
                k.axpy(n, -1f, b.value.data(), b.value.offset(), o, oo);
            }
            case MUL -> k.mul(n, x.data(), x.offset(), b.value.data(), b.value.offset(), o, oo);
            case SCALE -> {
                value.copyFrom(x);
                k.scale(n, alpha, o, oo);
            }
            case ONE_MINUS -> {
                value.fill(1f);
                k.axpy(n, -1f, x.data(), x.offset(), o, oo);
            }
            case ADD_BIAS -> {
                value.copyFrom(x);
                k.addBias(rows(), cols(), b.value.data(), b.value.offset(), o, oo);
            }
            case SIGMOID -> k.sigmoid(n, x.data(), x.offset(), o, oo);
            case TANH -> k.tanh(n, x.data(), x.offset(), o, oo);
            case RELU -> k.relu(n, x.data(), x.offset(), o, oo);
        }
    }

    @Override
    void propagate(Tensor g, Kernels k) {
        int n = g.size();
        float[] gd = g.data();
        int go = g.offset();
        switch (kind) {
            case ADD -> {
                addInto(a, 1f, g, k);
                addInto(b, 1f, g, k);
            }
            case SUB -> {
                addInto(a, 1f, g, k);
                addInto(b, -1f, g, k);
            }
            case MUL -> {
                if (a.requiresGrad) {
                    Tensor da = a.grad();
                    k.mulAccumulate(n, gd, go, b.value.data(), b.value.offset(), da.data(), da.offset());
                }
                if (b.requiresGrad) {
                    Tensor db = b.grad();
                    k.mulAccumulate(n, gd, go, a.value.data(), a.value.offset(), db.data(), db.offset());
                }
            }
            case SCALE -> addInto(a, alpha, g, k);
            case ONE_MINUS -> addInto(a, -1f, g, k);
            case ADD_BIAS -> {
                addInto(a, 1f, g, k);
                if (b.requiresGrad) {
                    Tensor db = b.grad();
                    k.sumRows(rows(), cols(), gd, go, db.data(), db.offset());
                }
            }
            case SIGMOID -> {
                Tensor da = a.grad();
                k.sigmoidBackward(n, value.data(), value.offset(), gd, go, da.data(), da.offset(), true);
            }
            case TANH -> {
                Tensor da = a.grad();
                k.tanhBackward(n, value.data(), value.offset(), gd, go, da.data(), da.offset(), true);
            }
            case RELU -> {
                Tensor da = a.grad();
                k.reluBackward(n, value.data(), value.offset(), gd, go, da.data(), da.offset(), true);
            }
        }
    }

    private static void addInto(Node x, float alpha, Tensor g, Kernels k) {
        if (x.requiresGrad) {
            Tensor dx = x.grad();
            k.axpy(g.size(), alpha, g.data(), g.offset(), dx.data(), dx.offset());
        }
    }
}
