package org.rnnlab.trainers;

import java.util.SplittableRandom;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.model.Dropout;
import org.rnnlab.model.SequenceModel;

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

    static final SettingKey<Double> DROPOUT_EMBEDDING = SettingKey.real("dropout.embedding",
            "dropout rate on what the first layer reads (the embedding output; one-hot vectors or features without"
                    + " an embedding), PyTorch's nn.Dropout there; training only").defaultsTo(0.0).checked(SettingCheck.fraction());
    static final SettingKey<Double> DROPOUT_LAYERS = SettingKey.real("dropout.layers",
            "dropout rate between stacked layers, on every layer's outputs but the last (PyTorch's"
                    + " nn.LSTM(dropout=p); none with layers=1); training only").defaultsTo(0.0).checked(SettingCheck.fraction());
    static final SettingKey<Double> DROPOUT_OUTPUT = SettingKey.real("dropout.output",
            "dropout rate on the top layer's outputs before the head (PyTorch's nn.Dropout there); training only")
            .defaultsTo(0.0).checked(SettingCheck.fraction());
    /** Mixed into the run's seed for the dropout masks' own stream ("DROPOUT" in ASCII). */
    private static final long DROPOUT_STREAM = 0x44524f504f5554L;
    static final SettingKey<String> EMBEDDING_INIT = SettingKey.text("embedding.init",
            "word vectors in the word2vec text format (lab embeddings --export writes it) that give the embedding its first"
                    + " rows: every word of the vocabulary the file holds takes the file's vector, the others keep their"
                    + " seeded rows; its dimension must equal embedding. Or skipgram: vectors that skip-gram learns"
                    + " before the run from text the variant may see (embedding.pretrain.*)")
            .checked(new SettingCheck<String>("be a readable file or skipgram",
                    v -> v.equals(SkipGramPretraining.INIT) || SettingCheck.readableFile().test().test(v)));
    static final SettingKey<Boolean> EMBEDDING_TRAINABLE = SettingKey.flag("embedding.trainable",
            "whether training updates the embedding; false freezes it (no optimiser step, no weight decay), as"
                    + " requires_grad=False does").defaultsTo(true);
    static final SettingKey<String> EMBEDDING_PROBES = SettingKey.text("embedding.probes",
            "words separated by spaces (a comma would make a list of variants) that the report's map of the embedding"
                    + " marks, with their nearest neighbours; empty: a few of the mapped words").defaultsTo("");

    private SequenceModelSettings() {}

    static SettingsSchema schema(String taskId) {
        return SettingsSchema.of("task " + taskId, HIDDEN, LAYERS, EMBEDDING, FUSED);
    }

    /** The word-embedding keys, for the tasks that start their embedding from vectors ({@link EmbeddingUse}). */
    static SettingsSchema embeddingSchema(String taskId) {
        return SettingsSchema.of("task " + taskId, EMBEDDING_INIT, EMBEDDING_TRAINABLE, EMBEDDING_PROBES);
    }

    /**
     * Refuses {@code embedding.init} and a frozen embedding for a task whose model does not read them (another task
     * declares the keys, so the settings check alone lets them through).
     */
    static void refuseEmbeddingVectors(Settings settings, String taskId) {
        if (EMBEDDING_INIT.find(settings).isDefined() || !EMBEDDING_TRAINABLE.find(settings).getOrElse(true)) {
            throw new org.rnnlab.api.ConfigException("settings 'embedding.init' and 'embedding.trainable' are not supported"
                    + " by the " + taskId + " task: its model does not start from word vectors; leave them unset");
        }
    }

    /** The dropout keys, for the tasks whose model is one {@link SequenceModel}. */
    static SettingsSchema dropoutSchema(String taskId) {
        return SettingsSchema.of("task " + taskId, DROPOUT_EMBEDDING, DROPOUT_LAYERS, DROPOUT_OUTPUT);
    }

    /** Whether {@code settings} set any dropout rate above 0 (for a task that has no dropout and must refuse it). */
    static boolean asksForDropout(Settings settings) {
        return java.util.stream.Stream.of(DROPOUT_EMBEDDING, DROPOUT_LAYERS, DROPOUT_OUTPUT)
                .anyMatch(k -> k.find(settings).getOrElse(0.0) != 0);
    }

    /** The dropout rates of {@code settings} (resolved against {@link #schema}). */
    static Dropout dropout(Settings settings) {
        return new Dropout(settings.get(DROPOUT_EMBEDDING), settings.get(DROPOUT_LAYERS), settings.get(DROPOUT_OUTPUT));
    }

    /**
     * Turns on the dropout of {@code settings} in {@code model}, its masks drawn from a stream of their own
     * derived from the run's {@code seed}: the weights come from {@code SplittableRandom(seed)} as before, so
     * a run with every rate 0 is the run without dropout, bit for bit.
     */
    static SequenceModel withDropout(SequenceModel model, Settings settings, long seed) {
        model.useDropout(dropout(settings), new SplittableRandom(seed ^ DROPOUT_STREAM));
        return model;
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
    static long minimumHeapBytes(Settings settings) {
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
