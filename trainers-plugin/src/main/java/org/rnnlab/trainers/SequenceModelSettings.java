package org.rnnlab.trainers;

import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;

/** The settings the built-in tasks read to build their {@link org.rnnlab.model.SequenceModel}. */
final class SequenceModelSettings {
    static final SettingKey<Integer> HIDDEN = SettingKey.integer("hidden", "hidden units per layer")
            .defaultsTo(64).checked(SettingCheck.between(1, 16_384));
    static final SettingKey<Integer> LAYERS = SettingKey.integer("layers", "stacked recurrent layers")
            .defaultsTo(1).checked(SettingCheck.between(1, 64));
    static final SettingKey<Integer> EMBEDDING = SettingKey.integer("embedding",
            "embedding size of token inputs; 0 feeds one-hot vectors").defaultsTo(32).checked(SettingCheck.between(0, 16_384));
    static final SettingKey<Boolean> FUSED = SettingKey.flag("fused",
            "use the cells' hand-written sequence kernels when they have them").defaultsTo(true);
    static final SettingKey<Boolean> BIDIRECTIONAL = SettingKey.flag("bidirectional",
            "every layer also reads each sequence backwards, from its last real step (PyTorch's bidirectional=True);"
                    + " needs whole sequences (trainer bptt)").defaultsTo(false);

    static final SettingKey<String> EMBEDDING_INIT = SettingKey.text("embedding.init",
            "word vectors in the word2vec text format (lab embeddings --export writes it) that give the embedding its first"
                    + " rows: every word of the vocabulary the file holds takes the file's vector, the others keep their"
                    + " seeded rows; its dimension must equal embedding").checked(SettingCheck.readableFile());
    static final SettingKey<Boolean> EMBEDDING_TRAINABLE = SettingKey.flag("embedding.trainable",
            "whether training updates the embedding; false freezes it (no optimiser step, no weight decay), as"
                    + " requires_grad=False does").defaultsTo(true);
    static final SettingKey<String> EMBEDDING_PROBES = SettingKey.text("embedding.probes",
            "words separated by spaces (a comma would make a list of variants) that the report's map of the embedding"
                    + " marks, with their nearest neighbours; empty: a few of the mapped words").defaultsTo("");

    private SequenceModelSettings() {}

    static SettingsSchema schema(String taskId) {
        return SettingsSchema.of("task " + taskId, HIDDEN, LAYERS, EMBEDDING, FUSED, EMBEDDING_INIT, EMBEDDING_TRAINABLE,
                EMBEDDING_PROBES);
    }

    /**
     * A lower bound of the heap a {@link org.rnnlab.model.SequenceModel} with these settings needs, before
     * the data (and so the vocabulary) is known: the recurrent weights of the cheapest cell (one gate; an
     * LSTM has four) with their gradients, {@code 2 * 4 bytes * sum over layers of hidden * (input + hidden)}
     * (input: at least 1 for the first layer, whose width the data decides; hidden above), plus one step's
     * states for a batch,
     * {@code 4 bytes * batch * layers * hidden}. Everything else (biases, head, optimiser slots, every
     * further step's activations) only adds to it, so a variant above the heap can never run.
     */
    static long minimumHeapBytes(org.rnnlab.api.experiment.Settings settings) {
        long hidden = settings.get(HIDDEN);
        long layers = settings.get(LAYERS);
        long input = 1;
        long batch = settings.get(RunSettings.BATCH);
        long weights = hidden * (input + hidden) + (layers - 1) * hidden * (hidden + hidden);
        return 2 * Float.BYTES * weights + Float.BYTES * batch * layers * hidden;
    }

    /** {@link #schema} and {@link #BIDIRECTIONAL}: the tasks that may read a sequence's future (not a language model). */
    static SettingsSchema schemaWithDirection(String taskId) {
        return schema(taskId).plus(SettingsSchema.of("task " + taskId, BIDIRECTIONAL));
    }
}
