package org.rnnlab.cells;

import java.util.List;

/** The fused sequence kernels that split their passes through time over the kernel threads, by name. */
final class FusedSequences {
    /** The cells whose fused kernels split: both Elman activations, the LSTM and the reset-after GRU. */
    static final List<String> SPLITTING = List.of("rnn-tanh", "rnn-relu", "lstm", "gru");

    private FusedSequences() {}

    /** The fused kernel of {@code cell} for these sizes; {@code norms} null or one entry per step. */
    static SequenceOp of(String cell, int steps, int batch, int input, int hidden, boolean masked, double[] norms) {
        return switch (cell) {
            case "rnn-tanh" -> new RnnSequenceOp(steps, batch, input, hidden, masked, norms, Activation.TANH);
            case "rnn-relu" -> new RnnSequenceOp(steps, batch, input, hidden, masked, norms, Activation.RELU);
            case "lstm" -> new LstmSequenceOp(steps, batch, input, hidden, masked, norms);
            case "gru" -> new GruSequenceOp(steps, batch, input, hidden, masked, norms);
            default -> throw new IllegalArgumentException("no fused kernel named " + cell);
        };
    }
}
