package org.rnnlab.engine.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.Kernels;

/**
 * A value on the tape. Its gradient buffer is taken from the workspace only when a gradient first
 * reaches it, so branches that do not lead to the loss cost nothing in backward.
 */
abstract class Node extends TapeEntry implements Var {
    final Graph graph;
    final Tensor value;
    final boolean requiresGrad;
    private Tensor grad;
    private List<Consumer<Tensor>> hooks;

    Node(Graph graph, Tensor value, boolean requiresGrad) {
        this.graph = graph;
        this.value = value;
        this.requiresGrad = requiresGrad;
    }

    @Override
    public final Tensor value() {
        return value;
    }

    /** The gradient, taken zeroed from the workspace on first use. */
    @Override
    public final Tensor grad() {
        if (grad == null) {
            grad = graph.workspace().take(value.shape());
        }
        return grad;
    }

    @Override
    public final boolean requiresGrad() {
        return requiresGrad;
    }

    /** Whether any gradient has reached this value. */
    final boolean hasGrad() {
        return grad != null;
    }

    final void addHook(Consumer<Tensor> hook) {
        if (hooks == null) {
            hooks = new ArrayList<>(2);
        }
        hooks.add(hook);
    }

    /** Runs the gradient hooks; the gradient is complete by now (zeros if nothing reached this value). */
    final void runHooks() {
        if (hooks != null) {
            Tensor g = grad();
            for (int i = 0; i < hooks.size(); i++) {
                hooks.get(i).accept(g);
            }
        }
    }

    @Override
    final void backward() {
        if (!requiresGrad) {
            return;
        }
        runHooks();
        if (grad != null) {
            propagate(grad, graph.kernels());
        }
    }

    /** Adds this node's contribution to the gradients of its inputs, given its complete gradient. */
    abstract void propagate(Tensor g, Kernels k);

    final int rows() {
        return value.rowCount();
    }

    final int cols() {
        return value.rowSize();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + value;
    }
}
