package org.rnnlab.model;

import java.util.Map;
import org.rnnlab.api.data.TaskKind;

/**
 * The shape of a {@link SequenceModel}.
 *
 * @param kind       the task, which fixes the loss
 * @param tokenInput whether inputs are token ids ({@link ModelInput.Ids}) rather than feature vectors
 * @param inputSize  the vocabulary size for token ids, the number of features otherwise
 * @param embedding  the learned embedding size for token ids; 0 feeds one-hot vectors of {@code inputSize}
 * @param outputs    classes (vocabulary size for language modelling) or regression outputs
 * @param cell       the cell's id ({@code lstm}), for names and reports
 * @param hidden     hidden size per layer
 * @param layers     number of stacked layers
 * @param cellOptions the cell's own options ({@code cell.*} without the prefix)
 * @param fused      whether to run cells' fused sequence kernels where they have them
 * @param bidirectional whether every layer also reads the sequence backwards ({@link
 *                   org.rnnlab.model.cell.BidirectionalStack}); the head then reads {@code 2 * hidden} features
 * @param window     what each step reads of the tokens up to it ({@link InputWindow#NONE}: its own token)
 * @since 0.1
 */
public record ModelSpec(TaskKind kind, boolean tokenInput, int inputSize, int embedding, int outputs, String cell,
                        int hidden, int layers, Map<String, String> cellOptions, boolean fused, boolean bidirectional,
                        InputWindow window) {

    /** A unidirectional model that reads one token (or one feature vector) per step. */
    public ModelSpec(TaskKind kind, boolean tokenInput, int inputSize, int embedding, int outputs, String cell,
                     int hidden, int layers, Map<String, String> cellOptions, boolean fused) {
        this(kind, tokenInput, inputSize, embedding, outputs, cell, hidden, layers, cellOptions, fused, false);
    }

    /** A model that reads one token (or one feature vector) per step. */
    public ModelSpec(TaskKind kind, boolean tokenInput, int inputSize, int embedding, int outputs, String cell,
                     int hidden, int layers, Map<String, String> cellOptions, boolean fused, boolean bidirectional) {
        this(kind, tokenInput, inputSize, embedding, outputs, cell, hidden, layers, cellOptions, fused, bidirectional,
                InputWindow.NONE);
    }

    public ModelSpec {
        cellOptions = Map.copyOf(cellOptions);
        window = window == null ? InputWindow.NONE : window;
        if (inputSize < 1 || outputs < 1 || hidden < 1 || layers < 1 || embedding < 0) {
            throw new IllegalArgumentException("model sizes must be positive: input " + inputSize + ", outputs " + outputs
                    + ", hidden " + hidden + ", layers " + layers + ", embedding " + embedding);
        }
        if (!window.none() && !(tokenInput && embedding > 0)) {
            throw new IllegalArgumentException("a window of " + window.size() + " tokens per step needs token ids"
                    + " and an embedding (embedding > 0), got embedding " + embedding);
        }
    }

    /** The width of what the head reads: {@code hidden}, or {@code 2 * hidden} when bidirectional. */
    public int featureSize() {
        return bidirectional ? 2 * hidden : hidden;
    }

    /** The width of what the first cell layer reads. */
    public int cellInputSize() {
        return tokenInput && embedding > 0 ? embedding * window.width() : inputSize;
    }
}
