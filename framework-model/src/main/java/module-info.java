/**
 * The implementation built on the API's contracts: {@link org.rnnlab.model.cell.CellStack} runs a
 * cell over sequences and layers, {@link org.rnnlab.model.SequenceModel} adds the embedding and the head
 * and computes losses, {@link org.rnnlab.model.data.Batcher} cuts splits into length-sorted batches,
 * {@link org.rnnlab.model.TextGeneration} samples, {@link org.rnnlab.model.train} holds gradient clipping
 * and learning-rate schedules, and {@link org.rnnlab.model.cell.RecurrentCell} is the public base for
 * cells in PyTorch's layout (built-in and third-party alike).
 */
module org.rnnlab.model {
    requires transitive org.rnnlab.api;

    exports org.rnnlab.model;
    exports org.rnnlab.model.cell;
    exports org.rnnlab.model.data;
    exports org.rnnlab.model.embedding;
    exports org.rnnlab.model.seq2seq;
    exports org.rnnlab.model.train;
}
