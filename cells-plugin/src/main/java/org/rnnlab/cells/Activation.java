package org.rnnlab.cells;

import io.vavr.control.Either;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingType;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.engine.kernel.Kernels;

/** The non-linearity of the plain {@code rnn} and {@code dense} cells. */
enum Activation {
    TANH("tanh"),
    RELU("relu");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The {@code activation} setting of the {@code rnn} and {@code dense} cells. */
    static final SettingKey<Activation> SETTING = SettingKey.of("activation", SettingType.of("tanh|relu", v -> {
        for (Activation a : values()) {
            if (a.id.equals(v)) {
                return Either.right(a);
            }
        }
        return Either.left("be tanh or relu");
    }, Activation::id), "the non-linearity applied to the new state").defaultsTo(TANH);

    Var apply(Graph graph, Var x) {
        return this == TANH ? graph.tanh(x) : graph.relu(x);
    }

    /** In place: {@code x = act(x)}. */
    void apply(Kernels k, int n, float[] x, int off) {
        if (this == TANH) {
            k.tanh(n, x, off, x, off);
        } else {
            k.relu(n, x, off, x, off);
        }
    }

    /** {@code dx = dy * act'(x)}, from the activation's output {@code y}. */
    void backward(Kernels k, int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        if (this == TANH) {
            k.tanhBackward(n, y, yOff, dy, dyOff, dx, dxOff, false);
        } else {
            k.reluBackward(n, y, yOff, dy, dyOff, dx, dxOff, false);
        }
    }
}
