package org.rnnlab.runtime.reference;

import java.util.Map;
import java.util.Optional;

/**
 * One cell case of a reference file: sizes, inputs ({@code x}, {@code h0}, {@code c0}, {@code probe}),
 * PyTorch's outputs ({@code y}, {@code hT}, {@code cT}, {@code loss}) and every gradient of
 * {@code loss = sum(y * probe)}: {@code gradParams} by parameter name, and {@code grad_x},
 * {@code grad_h0}, {@code grad_c0} in {@code values}. Layouts: {@code x, y, probe [T, B, *]} time-major,
 * states {@code [layers, B, H]}, weights as {@code torch.nn.RNN/LSTM/GRU} name and shape them.
 *
 * @param cell the reference's cell name: {@code rnn_tanh}, {@code rnn_relu}, {@code lstm},
 *     {@code gru_reset_after} or {@code gru_reset_before}
 */
public record ReferenceCase(String cell, int steps, int batch, int input, int hidden, int layers, double loss,
                            Map<String, ReferenceTensor> values, Map<String, ReferenceTensor> params,
                            Map<String, ReferenceTensor> gradParams) {
    public ReferenceCase {
        values = Map.copyOf(values);
        params = Map.copyOf(params);
        gradParams = Map.copyOf(gradParams);
    }

    /** A named value ({@code x}, {@code h0}, {@code y}, {@code grad_x}, ...), if the case has it. */
    public Optional<ReferenceTensor> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Whether the case is of a bidirectional layer ({@code make_bidirectional_reference.py}: reverse parameters, lengths). */
    public boolean bidirectional() {
        return params.keySet().stream().anyMatch(n -> n.endsWith("_reverse"));
    }

    /** {@code lstm T=5 B=2 I=3 H=4 layers=2}. */
    public String describe() {
        return cell + (bidirectional() ? " bidirectional" : "") + " T=" + steps + " B=" + batch + " I=" + input
                + " H=" + hidden + " layers=" + layers;
    }
}
